using System.Net;
using System.Text.Json;

namespace Fabric.Silo.Tests.Api;

/// <summary>Reads and checks the API's problem+json answers.</summary>
internal static class Problems
{
    /// <summary>Asserts the status and the problem+json shape; returns the <c>errors</c> as (field, message).</summary>
    public static async Task<IReadOnlyList<(string Field, string Message)>> AssertAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.False(string.IsNullOrEmpty(root.GetProperty("title").GetString()), body);
        Assert.False(string.IsNullOrEmpty(root.GetProperty("detail").GetString()), body);
        return [.. root.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("field").GetString()!, e.GetProperty("message").GetString()!))];
    }

    /// <summary>Asserts the status and that one of the errors names <paramref name="field"/>; returns its message.</summary>
    public static async Task<string> AssertFieldAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var errors = await AssertAsync(response, status);
        Assert.True(errors.Any(e => e.Field == field), $"no error for field '{field}' in: {string.Join("; ", errors)}");
        return errors.First(e => e.Field == field).Message;
    }
}
