using System.CommandLine;
using Fabric.Cli.Api;

namespace Fabric.Cli.Output;

/// <summary><c>--json</c>: print the API's JSON as it came (indented) instead of text for people.</summary>
internal static class JsonOutput
{
    public static Option<bool> Option() => new("--json") { Description = "Print the API's JSON instead of text" };

    public static async Task<int> WriteAsync(CliContext context, string body)
    {
        await context.Stdout.WriteLineAsync(string.IsNullOrWhiteSpace(body) ? "{}" : FabricJson.Indent(body));
        return ExitCodes.Ok;
    }
}
