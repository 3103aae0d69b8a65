using Fabric.Contracts.Hosts;
using Fabric.Contracts.Validation;
using Fabric.Testing.Orleans;

namespace Fabric.Grains.Tests.Hosts;

[Collection(GrainClusterCollection.Name)]
public sealed class HostGrainTests(GrainClusterFixture fixture)
{
    private IHostGrain Host(string name) => fixture.Cluster.Client.GetGrain<IHostGrain>(name);

    [Fact]
    public async Task GetInfo_NeverRegistered_ReturnsNull()
    {
        Assert.Null(await Host("never-registered").GetInfo());
    }

    [Fact]
    public async Task Heartbeat_FirstWithCapabilities_RegistersHostAsReady()
    {
        var reply = await fixture.Cluster.Client.HeartbeatAsync("ready-1", SampleHosts.Heartbeat(SampleHosts.Capabilities()));

        var info = await Host("ready-1").GetInfo();
        Assert.Equal(HostState.Ready, reply.State);
        Assert.NotNull(info);
        Assert.Equal(HostState.Ready, info.State);
        Assert.Equal("tcg", info.Capabilities!.HardwareVirtualization.Accelerator);
        Assert.Equal(fixture.Time.GetUtcNow(), info.LastHeartbeat);
        Assert.Empty(reply.Assignments);
        Assert.Empty(reply.Tasks);
    }

    [Fact]
    public async Task Heartbeat_BeforeProbeFinished_HostIsJoining()
    {
        var reply = await fixture.Cluster.Client.HeartbeatAsync("joining-1", SampleHosts.Heartbeat(null));

        Assert.Equal(HostState.Joining, reply.State);
        Assert.Contains("probing", (await Host("joining-1").GetInfo())!.StateReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Heartbeat_WithoutCapabilitiesAfterProbe_KeepsKnownCapabilities()
    {
        await fixture.Cluster.Client.HeartbeatAsync("keeps-1", SampleHosts.Heartbeat(SampleHosts.Capabilities(kvm: true)));
        await fixture.Cluster.Client.HeartbeatAsync("keeps-1", SampleHosts.Heartbeat(null));

        var info = await Host("keeps-1").GetInfo();
        Assert.True(info!.Capabilities!.HardwareVirtualization.Available);
        Assert.Equal(HostState.Ready, info.State);
    }

    [Fact]
    public async Task SetMaintenance_RegisteredHost_IsMaintenanceUntilCleared()
    {
        await fixture.Cluster.Client.HeartbeatAsync("maint-1", SampleHosts.Heartbeat(SampleHosts.Capabilities()));

        var during = await Host("maint-1").SetMaintenance(true);
        var after = await Host("maint-1").SetMaintenance(false);

        Assert.Equal(HostState.Maintenance, during.State);
        Assert.Equal(HostState.Ready, after.State);
    }

    [Fact]
    public async Task SetMaintenance_UnregisteredHost_ThrowsNamingTheHost()
    {
        var ex = await Assert.ThrowsAsync<FabricException>(() => Host("ghost-1").SetMaintenance(true));
        Assert.Equal(FabricErrorKind.NotFound, ex.Kind);
        Assert.Contains("ghost-1", ex.Message, StringComparison.Ordinal);
    }
}
