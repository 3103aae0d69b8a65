using System.Text.Json;
using Fabric.Cli.Tests.TestSupport;

namespace Fabric.Cli.Tests.Hosts;

public sealed class HostShowCommandTests : IDisposable
{
    private readonly CliHarness _cli = new() { Time = new FixedTimeProvider(SampleHosts.Now) };

    [Fact]
    public async Task Show_RegisteredHost_PrintsDetails()
    {
        await using var api = Serve("/api/v1/hosts/node1", SampleHosts.Node1);

        var result = await _cli.RunAsync("host", "show", "node1", "--api", api.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Name:", result.Stdout);
        Assert.Matches(@"(?m)^State: +Ready$", result.Stdout);
        Assert.Matches(@"(?m)^Last heartbeat: +2026-11-26 11:59:56Z \(4s ago\)$", result.Stdout);
        Assert.Matches(@"(?m)^CPU: +2 × AMD EPYC 7763$", result.Stdout);
        Assert.Matches(@"(?m)^Acceleration: +tcg — kvm unavailable: a KVM guest made no progress within 10 s \(nested kvm-pvm\); VMs run under TCG, slowly$", result.Stdout);
        Assert.Matches(@"(?m)^Pool local: +/var/lib/fabric/pools/local: 50 GiB free of 100 GiB$", result.Stdout);
    }

    [Fact]
    public async Task Show_Json_PrintsTheApiObject()
    {
        await using var api = Serve("/api/v1/hosts/node1", SampleHosts.Node1);

        var result = await _cli.RunAsync("host", "show", "node1", "--json", "--api", api.Url);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("node1", json.RootElement.GetProperty("name").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("capabilities").GetProperty("cpuCount").GetInt32());
    }

    [Fact]
    public async Task Show_UnknownHost_SaysNotRegisteredExit1()
    {
        await using var api = Serve("/api/v1/hosts/node1", SampleHosts.Node1);

        var result = await _cli.RunAsync("host", "show", "ghost", "--api", api.Url);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("host 'ghost' is not registered", result.Stderr.Trim());
        Assert.Contains("/api/v1/hosts/ghost", api.RequestedPaths);
    }

    [Fact]
    public async Task Show_NameWithSlash_IsEscapedIntoOnePathSegment()
    {
        await using var api = Serve("/api/v1/hosts/node1", SampleHosts.Node1);

        var result = await _cli.RunAsync("host", "show", "../hosts", "--api", api.Url);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/api/v1/hosts/..%2Fhosts", api.RequestedPaths);
    }

    [Fact]
    public async Task Show_MissingName_UsageExit2()
    {
        var result = await _cli.RunAsync("host", "show");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Usage:", result.Stderr);
    }

    private static CannedApiServer Serve(string path, string body) =>
        new(new Dictionary<string, CannedResponse> { [path] = new(200, body) });

    public void Dispose() => _cli.Dispose();
}
