using Fabric.Contracts.Hosts;
using Fabric.Contracts.Vms;
using Fabric.Testing.Orleans;

namespace Fabric.Grains.Tests.Hosts;

/// <summary>Only the incarnation holding a host's lease drives it; any other is told to stand down and is not believed.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class HostStandDownTests(GrainClusterFixture fixture)
{
    private IHostGrain Host(string name) => fixture.Cluster.Client.GetGrain<IHostGrain>(name);

    [Fact]
    public async Task Heartbeat_FromASecondAgentUnderTheSameName_StandsItDownAndIgnoresItsReports()
    {
        await fixture.Cluster.Client.HeartbeatAsync("twin-1", SampleHosts.Heartbeat(SampleHosts.Capabilities()));
        var intruder = SampleHosts.Heartbeat(SampleHosts.Capabilities()) with
        {
            Incarnation = "intruder",
            HostToken = "another-machine",
            Vms = [new VmObservation { Vm = "ghost", Epoch = 1, Status = VmStatus.Running }],
        };

        var reply = await Host("twin-1").Heartbeat(intruder);

        Assert.Contains("held by agent incarnation", reply.StandDown, StringComparison.Ordinal);
        Assert.Empty(reply.Assignments);
        Assert.Null(await Host("twin-1").GetObservation("ghost"));
    }

    [Fact]
    public async Task Heartbeat_WithoutAnyLease_StandsDown()
    {
        var reply = await Host("unleased-1").Heartbeat(SampleHosts.Heartbeat(SampleHosts.Capabilities()) with { Incarnation = "x", HostToken = "t" });

        Assert.Contains("has no lease yet", reply.StandDown, StringComparison.Ordinal);
    }
}
