using Fabric.Cli.Config;
using Fabric.Cli.Tests.TestSupport;

namespace Fabric.Cli.Tests.Api;

// The config file mode is a Unix permission; Fabric runs on Linux.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ApiTokenTests : IDisposable
{
    private readonly CliHarness _cli = new();

    [Fact]
    public async Task Command_TokenInConfig_SentAsBearer()
    {
        await using var api = SampleApi.Serve(("/api/v1/vms", new(200, """{"items":[],"continue":null}""")));
        SaveConfig(api.Url, "from-config");

        var result = await _cli.RunAsync("vm", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Bearer from-config", Assert.Single(api.Requests).Authorization);
    }

    [Fact]
    public async Task Command_FabricTokenEnvironment_OverridesConfig()
    {
        await using var api = SampleApi.Serve(("/api/v1/vms", new(200, """{"items":[],"continue":null}""")));
        SaveConfig(api.Url, "from-config");
        _cli.Environment["FABRIC_TOKEN"] = "from-env";

        await _cli.RunAsync("vm", "list");

        Assert.Equal("Bearer from-env", Assert.Single(api.Requests).Authorization);
    }

    [Fact]
    public async Task Command_TokenOption_OverridesEnvironment()
    {
        await using var api = SampleApi.Serve(("/api/v1/vms", new(200, """{"items":[],"continue":null}""")));
        _cli.Environment["FABRIC_TOKEN"] = "from-env";

        await _cli.RunAsync("vm", "list", "--api", api.Url, "--token", "from-flag");

        Assert.Equal("Bearer from-flag", Assert.Single(api.Requests).Authorization);
    }

    [Fact]
    public async Task Command_401_SaysToRunUpAgainExit1()
    {
        await using var api = SampleApi.Serve(("/api/v1/disks", new(401, SampleApi.Problem(401, ("authorization", "the token is not this cluster's admin token")), "application/problem+json")));

        var result = await _cli.RunAsync("disk", "list", "--api", api.Url, "--token", "stale");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("the API refused the token; run ./fabric up again or set FABRIC_TOKEN", result.Stderr.Trim());
    }

    [Fact]
    public void ConfigFile_HoldsTheTokenReadableByOwnerOnly()
    {
        SaveConfig("http://127.0.0.1:1", "secret");

        var path = Path.Combine(_cli.ConfigHome, "fabric", "config.json");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Contains("\"token\": \"secret\"", File.ReadAllText(path), StringComparison.Ordinal);
    }

    private void SaveConfig(string url, string token) =>
        new CliConfigStore(Path.Combine(_cli.ConfigHome, "fabric", "config.json")).Save(new CliConfig(url, token));

    public void Dispose() => _cli.Dispose();
}
