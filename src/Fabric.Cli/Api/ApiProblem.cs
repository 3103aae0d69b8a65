using System.Text.Json;

namespace Fabric.Cli.Api;

/// <summary>An RFC 9457 <c>application/problem+json</c> body, as the API reports errors, with Fabric's <c>errors</c> list.</summary>
internal sealed record ApiProblem(string? Title, string? Detail, IReadOnlyList<ApiProblemError>? Errors)
{
    /// <summary>What to print for an error response: one <c>field: message</c> line per problem, else the detail or title.</summary>
    public static string Describe(int status, string? reasonPhrase, string body)
    {
        var fallback = $"HTTP {status} {reasonPhrase}".TrimEnd();
        if (string.IsNullOrWhiteSpace(body))
        {
            return fallback;
        }

        try
        {
            var problem = JsonSerializer.Deserialize<ApiProblem>(body, FabricJson.Options);
            if (problem?.Errors is { Count: > 0 } errors)
            {
                return string.Join(Environment.NewLine, errors.Select(e => $"{e.Field}: {e.Message}"));
            }

            return problem?.Detail ?? problem?.Title ?? fallback;
        }
        catch (JsonException)
        {
            return fallback;
        }
    }
}
