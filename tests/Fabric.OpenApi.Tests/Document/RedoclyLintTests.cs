using Fabric.Testing.Processes;

namespace Fabric.OpenApi.Tests.Document;

/// <summary>The served document passes Redocly's recommended rules (tools/openapi/redocly.yaml), so tools and generators take it as it is.</summary>
[Collection(SiloCollection.Name)]
public sealed class RedoclyLintTests(SiloFixture silo)
{
    private static string Tools => Path.Combine(RepositoryPaths.Root, "tools", "openapi");

    [Fact]
    public async Task LiveDocument_PassesRedoclyRecommendedRules()
    {
        var redocly = Path.Combine(Tools, "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(redocly), $"{redocly} is missing; build this test project (it runs 'npm ci' in {Tools}) or run scripts/install.sh");
        var document = Path.Combine(silo.Directory, "openapi.json");
        await File.WriteAllTextAsync(document, await silo.FetchDocumentAsync());

        await using var lint = ChildProcess.Start(redocly,
            ["lint", Path.GetFileName(document), "--config", Path.Combine(Tools, "redocly.yaml"), "--format", "stylish"],
            Path.Combine(silo.Directory, "redocly.log"),
            new Dictionary<string, string> { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" },
            workingDirectory: silo.Directory);
        var exitCode = await lint.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, $"redocly lint found errors in {SiloFixture.DocumentPath} (exit {exitCode}):\n{lint.Output}");
    }
}
