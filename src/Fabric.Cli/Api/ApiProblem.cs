using System.Text.Json;

namespace Fabric.Cli.Api;

/// <summary>An RFC 9457 <c>application/problem+json</c> body, as the API reports errors.</summary>
internal sealed record ApiProblem(string? Title, string? Detail)
{
    /// <summary>The most useful sentence in an error response, whatever shape it has.</summary>
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
            return problem?.Detail ?? problem?.Title ?? fallback;
        }
        catch (JsonException)
        {
            return fallback;
        }
    }
}
