using Fabric.Testing.Processes;
using Fabric.Testing.Waiting;
using Xunit.Sdk;

namespace Fabric.OpenApi.Tests;

/// <summary>A real <c>fabric-silo --in-memory</c> process on free ports, generating its admin token in its data dir; no hosts.</summary>
public sealed class SiloFixture : IAsyncLifetime
{
    public const string DocumentPath = "/openapi/v1.json";

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("fabric-openapi-").FullName;

    public string ApiUrl { get; } = $"http://127.0.0.1:{FreePort.Next()}";

    public string Token { get; private set; } = "";

    public ChildProcess Silo { get; private set; } = null!;

    /// <summary>A client without credentials (the document is public, as the API's description).</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var dataDir = Path.Combine(Directory, "data");
        Silo = ChildProcess.StartDotnet(RepositoryPaths.SiloDll,
            ["--in-memory", "--urls", ApiUrl, $"--Fabric:SiloPort={FreePort.Next()}", $"--Fabric:GatewayPort={FreePort.Next()}", $"--Fabric:DataDir={dataDir}"],
            Path.Combine(Directory, "silo.log"));
        Anonymous = new HttpClient { BaseAddress = new Uri(ApiUrl), Timeout = TimeSpan.FromSeconds(30) };
        await Eventually.MatchAsync(
            async () => Silo.HasExited ? throw new XunitException($"silo exited: {Silo.Output}") : (int)(await Anonymous.GetAsync("/readyz")).StatusCode,
            status => status == 200, TimeSpan.FromSeconds(90), "the silo to be ready");
        Token = (await File.ReadAllTextAsync(Path.Combine(dataDir, "admin-token"))).Trim();
    }

    /// <summary>The OpenAPI document as the silo serves it.</summary>
    public async Task<string> FetchDocumentAsync()
    {
        using var response = await Anonymous.GetAsync(DocumentPath);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {DocumentPath} answered {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return text;
    }

    public async Task DisposeAsync()
    {
        Anonymous.Dispose();
        await Silo.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
