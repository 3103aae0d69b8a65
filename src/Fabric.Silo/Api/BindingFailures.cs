using System.Text.RegularExpressions;
using Fabric.Contracts.Validation;

namespace Fabric.Silo.Api;

/// <summary>
/// What ASP.NET Core's parameter binding refused, as a problem naming the parameter. Its messages are
/// written for the developer ("Failed to bind parameter "Nullable&lt;int&gt; limit" from "abc"",
/// "Implicit body inferred … Did you mean to use a Service instead?"); the caller should learn which
/// field was wrong and what to send. Unknown messages pass through under <c>body</c>.
/// </summary>
internal static partial class BindingFailures
{
    private const int ShownValueLength = 64;

    public static ValidationProblem Describe(BadHttpRequestException bad)
    {
        ArgumentNullException.ThrowIfNull(bad);
        if (FailedToBind().Match(bad.Message) is { Success: true } failed)
        {
            var value = Printable(failed.Groups["value"].Value);
            return new ValidationProblem(failed.Groups["name"].Value, $"'{value}' is not {Expected(failed.Groups["type"].Value)}");
        }

        if (NoBody().IsMatch(bad.Message))
        {
            return new ValidationProblem("body", "no JSON object was sent (the body is empty or JSON null); send one as application/json");
        }

        return new ValidationProblem("body", bad.Message);
    }

    private static string Expected(string type) => type.Replace("Nullable<", "", StringComparison.Ordinal).TrimEnd('>') switch
    {
        "int" or "Int32" or "long" or "Int64" => "a whole number",
        "bool" or "Boolean" => "true or false",
        var other => $"a value of type {other}",
    };

    private static string Printable(string value) =>
        new([.. value.Take(ShownValueLength).Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c)]);

    [GeneratedRegex("^Failed to bind parameter \"(?<type>.+) (?<name>[A-Za-z_][A-Za-z0-9_]*)\" from \"(?<value>.*)\"\\.$", RegexOptions.Singleline)]
    private static partial Regex FailedToBind();

    [GeneratedRegex("^(Implicit body inferred for parameter .* but no body was provided|Required parameter .* was not provided from body)", RegexOptions.Singleline)]
    private static partial Regex NoBody();
}
