using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Fabric.Silo.Tests.Api.Hostile;
using Xunit.Abstractions;

namespace Fabric.Silo.Tests.Api;

/// <summary>
/// Every operation of the live OpenAPI document under /api/v1, fed requests that cannot be valid
/// (hostile bodies, parameters and content types): none may answer 5xx or 2xx, every refusal is
/// problem+json (a 400 naming its fields), and none may create, change or leave anything behind.
/// A failure prints the smallest failing request CsCheck found.
/// </summary>
[Collection(SiloProcessCollection.Name)]
public sealed class HostileBodyPropertyTests(SiloProcessFixture silo, ITestOutputHelper output)
{
    /// <summary>
    /// About 30 s on an idle 2-core machine (20,000 took 58 s). Sequential, because each request is judged
    /// by what it alone changed. <c>CsCheck_Iter</c> sets another count for a longer hunt; <c>CsCheck_Seed</c>
    /// replays a failure's seed.
    /// </summary>
    private const long DefaultIterations = 10_000;

    private const string Prefix = "/api/v1/";
    private const string ExistingVm = "hostile-vm";
    private const string ExistingImage = "hostile.iso";

    /// <summary>Names for path and query parameters that look valid: things that exist, and things that do not.</summary>
    private static readonly string[] PlausibleNames = [ExistingVm, ExistingImage, "no-such-name", "net0", "snap1"];

    [Fact]
    public async Task EveryOperation_HostileInput_No5xxNo2xxNothingCreated()
    {
        await EnsureExistingAsync();
        var operations = ApiOperation.ReadAll(JsonNode.Parse(await silo.Api.GetStringAsync("/openapi/v1.json"))!, Prefix);
        Assert.True(operations.Count >= 10, $"expected the API's operations in /openapi/v1.json, found {operations.Count}");
        var tried = new ConcurrentDictionary<string, ConcurrentDictionary<int, int>>();
        var cluster = await ClusterSnapshot.TakeAsync(silo.Api, silo.PoolFolder);
        try
        {
            await Gen.OneOf([.. operations.Select(o => HostileRequests.For(o, PlausibleNames))]).SampleAsync(
                async request =>
                {
                    // Compared with the cluster just before this request, so one that changed it fails alone, not every later one.
                    var (status, answer, after) = await SendAsync(request);
                    var before = cluster;
                    cluster = after;
                    Assert.False(status >= 500, $"answered {status} (a bug): {answer}");
                    Assert.False(status < 400, $"accepted with {status} although it cannot be valid: {answer}");
                    Assert.True(before == after, $"answered {status} but changed the cluster:\n before: {before}\n after:  {after}");
                    tried.GetOrAdd(request.Operation.ToString(), _ => new()).AddOrUpdate(status, 1, (_, n) => n + 1);
                },
                iter: long.TryParse(Environment.GetEnvironmentVariable("CsCheck_Iter"), out var iterations) ? iterations : DefaultIterations,
                threads: 1,
                print: request => request.ToString(),
                writeLine: output.WriteLine);
        }
        finally
        {
            foreach (var (operation, statuses) in tried.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                output.WriteLine($"{statuses.Values.Sum(),6}  {operation}  ({string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))})");
            }

            output.WriteLine($"{tried.Values.Sum(s => s.Values.Sum()),6}  inputs answered in all, over {tried.Count} of {operations.Count} operations (a failing one is not counted)");
        }
    }

    /// <summary>Sends the request; returns its status and answer (checked for the problem+json shape) and the cluster after it.</summary>
    private async Task<(int Status, string Answer, ClusterSnapshot After)> SendAsync(HostileRequest request)
    {
        using var message = request.ToMessage();
        using var response = await silo.Api.SendAsync(message);
        var answer = await response.Content.ReadAsStringAsync();
        var after = await ClusterSnapshot.TakeAsync(silo.Api, silo.PoolFolder);
        if (answer.Length > 0 && (int)response.StatusCode >= 400)
        {
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
                $"answered {(int)response.StatusCode} as {response.Content.Headers.ContentType}, not application/problem+json: {Cut(answer)}");
            Assert.True(response.StatusCode != HttpStatusCode.BadRequest || NamesAField(answer), $"answered 400 without naming a field: {Cut(answer)}");
        }

        return ((int)response.StatusCode, Cut(answer), after);
    }

    /// <summary>A VM and an ISO that exist, so requests naming them reach past the "not found" checks.</summary>
    private async Task EnsureExistingAsync()
    {
        using var vm = await silo.Api.PostAsJsonAsync("/api/v1/vms", new { name = ExistingVm });
        Assert.True(vm.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await vm.Content.ReadAsStringAsync());

        var iso = new byte[40_000];
        iso[0x8000] = 1;
        "CD001"u8.CopyTo(iso.AsSpan(0x8001));
        using var content = new ByteArrayContent(iso);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var image = await silo.Api.PostAsync($"/api/v1/images?name={ExistingImage}", content);
        Assert.True(image.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await image.Content.ReadAsStringAsync());
    }

    private static bool NamesAField(string problem) =>
        JsonNode.Parse(problem)?["errors"] is JsonArray { Count: > 0 } errors && errors.All(e => e?["field"]?.GetValue<string>() is { Length: > 0 });

    private static string Cut(string text) => text.Length > 500 ? text[..500] + "…" : text;
}
