using System.Text.Json;
using Fabric.Testing.Processes;

namespace Fabric.OpenApi.Tests.Document;

/// <summary>
/// docs/api/openapi.json is the reviewed copy of the document the silo serves: a change to the API shows up
/// as a diff of it in review, and clients can be generated without running a silo.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class PublishedDocumentTests(SiloFixture silo)
{
    public static string CommittedPath => Path.Combine(RepositoryPaths.Root, "docs", "api", "openapi.json");

    [Fact]
    public async Task LiveDocument_IsTheCommittedOne()
    {
        var live = Normalize(await silo.FetchDocumentAsync());
        var committed = Normalize(await File.ReadAllTextAsync(CommittedPath));
        if (live == committed)
        {
            return;
        }

        var fresh = Path.Combine(AppContext.BaseDirectory, "openapi.live.json");
        await File.WriteAllTextAsync(fresh, live + "\n");
        Assert.Fail($"""
            The silo's {SiloFixture.DocumentPath} is not docs/api/openapi.json: {FirstDifference(committed, live)}.
            If the API change is meant, refresh the committed copy and review its diff:
              cp {fresh} {CommittedPath}
            """);
    }

    [Fact]
    public async Task LiveDocument_DescribesOnlyTheRestApi()
    {
        using var document = JsonDocument.Parse(await silo.FetchDocumentAsync());

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.NotEmpty(paths);
        Assert.All(paths, path => Assert.StartsWith("/api/v1/", path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task LiveDocument_EveryOperationNeedsTheAdminToken()
    {
        using var document = JsonDocument.Parse(await silo.FetchDocumentAsync());
        var root = document.RootElement;

        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("adminToken");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        var operations = root.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Name: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value)))
            .ToList();
        Assert.All(operations, o => Assert.True(
            o.Operation.TryGetProperty("security", out var security) && security.EnumerateArray().Any(r => r.TryGetProperty("adminToken", out _)),
            $"{o.Name} does not declare the adminToken security requirement"));
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd();

    private static string FirstDifference(string committed, string live)
    {
        var (a, b) = (committed.Split('\n'), live.Split('\n'));
        var line = Enumerable.Range(0, Math.Min(a.Length, b.Length)).FirstOrDefault(i => a[i] != b[i], Math.Min(a.Length, b.Length));
        return $"line {line + 1} is `{(line < a.Length ? a[line].Trim() : "(end of file)")}` there but `{(line < b.Length ? b[line].Trim() : "(end of file)")}` live";
    }
}
