using System.CommandLine;
using System.CommandLine.Parsing;
using Fabric.Contracts.Validation;

namespace Fabric.Cli.Output;

/// <summary>Sizes on the command line (<c>512M</c>, <c>2G</c>), parsed with <see cref="Sizes.TryParse"/>; anything else is a usage error.</summary>
internal static class SizeOption
{
    public static Option<long?> Create(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "SIZE",
        CustomParser = result => Parse(result, name),
    };

    public static Option<long[]> CreateRepeated(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "SIZE",
        AllowMultipleArgumentsPerToken = false,
        CustomParser = result => [.. result.Tokens.Select(t => Parse(t.Value, name, result) ?? 0)],
    };

    public static Argument<long> Argument(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => Parse(result, name) ?? 0,
    };

    private static long? Parse(ArgumentResult result, string name) =>
        result.Tokens.Count == 1 ? Parse(result.Tokens[0].Value, name, result) : null;

    private static long? Parse(string text, string name, ArgumentResult result)
    {
        if (Sizes.TryParse(text) is { } bytes && bytes > 0)
        {
            return bytes;
        }

        result.AddError($"{name}: '{text}' is not a size; write e.g. 512M, 2G or 1.5T (binary units), or a number of bytes");
        return null;
    }
}
