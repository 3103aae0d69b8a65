using System.Text.Json;
using Fabric.Cli.Tests.TestSupport;

namespace Fabric.Cli.Tests.Hosts;

public sealed class HostListCommandTests : IDisposable
{
    private readonly CliHarness _cli = new() { Time = new FixedTimeProvider(SampleHosts.Now) };

    [Fact]
    public async Task List_Hosts_PrintsTableSortedByName()
    {
        await using var api = Serve(SampleHosts.List(SampleHosts.Rack2, SampleHosts.Node1, SampleHosts.Joining));

        var result = await _cli.RunAsync("host", "list", "--api", api.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        var lines = result.Stdout.TrimEnd().Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Matches(@"^NAME +STATE +LEASE +CPUS +MEMORY +DRIVER +ACCEL +LAST HEARTBEAT$", lines[0]);
        Assert.Matches(@"^fresh +Joining +none +- +- +- +- +never$", lines[1]);
        Assert.Matches(@"^node1 +Ready +held, renewed 0\.4 s ago +2 +23\.3 GiB +qemu +tcg — kvm unavailable: a KVM guest made no progress within… +4s ago$", lines[2]);
        Assert.Matches(@"^rack2-host7 +Unreachable +lapsed 3 min ago +64 +512 GiB +qemu +kvm +3m ago$", lines[3]);
        var stateColumn = lines[0].IndexOf("STATE", StringComparison.Ordinal);
        Assert.Equal(stateColumn, lines[1].IndexOf("Joining", StringComparison.Ordinal));
        Assert.Equal(stateColumn, lines[3].IndexOf("Unreachable", StringComparison.Ordinal));
        Assert.Equal(["/api/v1/hosts"], api.RequestedPaths);
    }

    [Fact]
    public async Task List_Json_PrintsTheApiArrayIncludingUnknownFields()
    {
        await using var api = Serve(SampleHosts.List(SampleHosts.Node1));

        var result = await _cli.RunAsync("host", "list", "--json", "--api", api.Url);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var host = Assert.Single(json.RootElement.EnumerateArray().ToList());
        Assert.Equal("node1", host.GetProperty("name").GetString());
        Assert.Equal("Ready", host.GetProperty("state").GetString());
        Assert.Equal("tcg", host.GetProperty("capabilities").GetProperty("hardwareVirtualization").GetProperty("accelerator").GetString());
        Assert.Equal("kept by --json", host.GetProperty("futureField").GetString());
        Assert.Contains("\"agentVersion\": \"0.1.0+d5b8f36\"", result.Stdout);
    }

    [Fact]
    public async Task List_NoHosts_SaysHowHostsAppear()
    {
        await using var api = Serve("[]");

        var result = await _cli.RunAsync("host", "ls", "--api", api.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("No hosts registered", result.Stdout);
    }

    [Fact]
    public async Task List_ApiUnreachable_OneLineNamingUrlAndFixExit1()
    {
        var url = $"http://127.0.0.1:{ClosedPort()}";

        var result = await _cli.RunAsync("host", "list", "--api", url);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var line = Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.StartsWith($"cannot reach the Fabric API at {url}: Connection refused", line);
        Assert.EndsWith("is `./fabric up` running? (set --api or FABRIC_API)", line);
    }

    [Fact]
    public async Task List_ApiProblem_PrintsDetailExit1()
    {
        var problem = """{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"Redis at 127.0.0.1:6390 is unreachable"}""";
        await using var api = new CannedApiServer(new Dictionary<string, CannedResponse>
        {
            ["/api/v1/hosts"] = new(500, problem, "application/problem+json"),
        });

        var result = await _cli.RunAsync("host", "list", "--api", api.Url);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Redis at 127.0.0.1:6390 is unreachable", result.Stderr.Trim());
    }

    [Fact]
    public async Task List_FabricApiVariable_UsedWithoutFlag()
    {
        await using var api = Serve("[]");
        _cli.Environment["FABRIC_API"] = api.Url;

        var result = await _cli.RunAsync("host", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Single(api.RequestedPaths);
    }

    [Fact]
    public async Task List_InvalidApiUrl_UsageErrorNamingTheSource()
    {
        _cli.Environment["FABRIC_API"] = "127.0.0.1:8480";

        var result = await _cli.RunAsync("host", "list");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("invalid API URL '127.0.0.1:8480' (from FABRIC_API)", result.Stderr);
    }

    internal static CannedApiServer Serve(string hostsJson) =>
        new(new Dictionary<string, CannedResponse> { ["/api/v1/hosts"] = new(200, hostsJson) });

    internal static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => _cli.Dispose();
}
