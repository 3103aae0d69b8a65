using System.Text.Json;
using Fabric.Cli.Tests.TestSupport;

namespace Fabric.Cli.Tests.Hosts;

public sealed class HostMaintenanceCommandTests : IDisposable
{
    private readonly CliHarness _cli = new() { Time = new FixedTimeProvider(SampleHosts.Now) };

    [Theory]
    [InlineData("on", true, "host node1: in maintenance; it takes no new VMs")]
    [InlineData("off", false, "host node1: back in service (Ready)")]
    public async Task Maintenance_OnOrOff_PutsEnabledAndSaysWhatItMeans(string mode, bool enabled, string said)
    {
        await using var api = SampleApi.Serve(("PUT /api/v1/hosts/node1/maintenance", new(200, SampleHosts.Node1)));

        var result = await _cli.RunAsync("host", "maintenance", "node1", mode, "--api", api.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith(said, result.Stdout, StringComparison.Ordinal);
        var request = Assert.Single(api.Requests);
        Assert.Equal("PUT", request.Method);
        using var body = JsonDocument.Parse(request.BodyText);
        Assert.Equal(enabled, body.RootElement.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Maintenance_NeitherOnNorOff_UsageExit2WithoutCallingTheApi()
    {
        await using var api = SampleApi.Serve();

        var result = await _cli.RunAsync("host", "maintenance", "node1", "maybe", "--api", api.Url);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("maybe", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
    }

    public void Dispose() => _cli.Dispose();
}
