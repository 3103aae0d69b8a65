using Fabric.Contracts.Hosts;
using Fabric.Testing.Orleans;

namespace Fabric.Grains.Tests.Hosts;

/// <summary>Liveness on a moving clock. Each test uses its own host, so moving the shared clock forward only ages hosts of finished tests.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class HostLivenessTests(GrainClusterFixture fixture)
{
    private IHostGrain Host(string name) => fixture.Cluster.Client.GetGrain<IHostGrain>(name);

    [Fact]
    public async Task GetInfo_SilentLongerThanUnreachableAfter_IsUnreachableWithReason()
    {
        await fixture.Cluster.Client.HeartbeatAsync("silent-1", SampleHosts.Heartbeat(SampleHosts.Capabilities()));

        fixture.Time.Advance(TimeSpan.FromSeconds(11));
        var info = await Host("silent-1").GetInfo();

        Assert.Equal(HostState.Unreachable, info!.State);
        Assert.Contains("no heartbeat for 11 s", info.StateReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Heartbeat_AfterBeingUnreachable_IsReadyAgain()
    {
        await fixture.Cluster.Client.HeartbeatAsync("back-1", SampleHosts.Heartbeat(SampleHosts.Capabilities()));
        fixture.Time.Advance(TimeSpan.FromSeconds(30));

        var reply = await fixture.Cluster.Client.HeartbeatAsync("back-1", SampleHosts.Heartbeat(SampleHosts.Capabilities()));

        Assert.Equal(HostState.Ready, reply.State);
    }

    [Fact]
    public async Task GetInfo_SilentShorterThanUnreachableAfter_StaysReady()
    {
        await fixture.Cluster.Client.HeartbeatAsync("brief-1", SampleHosts.Heartbeat(SampleHosts.Capabilities()));

        fixture.Time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(HostState.Ready, (await Host("brief-1").GetInfo())!.State);
    }
}
