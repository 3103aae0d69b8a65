using Fabric.Contracts.Hosts;
using Fabric.Integration.Tests.Infrastructure;

namespace Fabric.Integration.Tests.Hosts;

[Collection(ProcessCollection.Name)]
public sealed class HostRegistrationTests : IAsyncLifetime
{
    private ClusterUnderTest _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await ClusterUnderTest.StartRedisAsync();
        await _cluster.StartSiloAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Agent_Started_RegistersHostReadyWithProbedCapabilities()
    {
        _cluster.StartAgent("it-node1", TestDrivers.Default);

        var host = await _cluster.WaitForHostAsync("it-node1", HostState.Ready, TestDrivers.RegistrationDeadline);

        var capabilities = host.Capabilities!;
        Assert.Equal(Environment.ProcessorCount, capabilities.CpuCount);
        Assert.True(capabilities.MemoryBytes > 0);
        Assert.Equal(TestDrivers.Default, capabilities.HypervisorDriver);
        Assert.Equal("local", Assert.Single(capabilities.StoragePools).Name);
        Assert.NotEmpty(capabilities.HardwareVirtualization.Reason);
    }

    [Fact]
    public async Task Silo_Restarted_HostIsBackWithoutRestartingTheAgent()
    {
        var agent = _cluster.StartAgent("it-node2", TestDrivers.Default);
        var before = await _cluster.WaitForHostAsync("it-node2", HostState.Ready, TestDrivers.RegistrationDeadline);

        await _cluster.Silo!.StopAsync(TimeSpan.FromSeconds(30));
        await _cluster.StartSiloAsync();
        var after = await _cluster.WaitForHostAsync("it-node2", HostState.Ready, TimeSpan.FromSeconds(90));

        Assert.False(agent.HasExited, $"the agent exited during the silo restart:\n{agent.Output}");
        Assert.Equal(before.RegisteredAt, after.RegisteredAt);
        Assert.True(after.LastHeartbeat > before.LastHeartbeat);
    }

    [Fact]
    public async Task Agent_Stopped_HostTurnsUnreachableWithReason()
    {
        var agent = _cluster.StartAgent("it-node3", TestDrivers.Default);
        await _cluster.WaitForHostAsync("it-node3", HostState.Ready, TestDrivers.RegistrationDeadline);

        await agent.StopAsync(TimeSpan.FromSeconds(20));
        var host = await _cluster.WaitForHostAsync("it-node3", HostState.Unreachable, ClusterUnderTest.UnreachableAfter + TimeSpan.FromSeconds(30));

        Assert.Contains("no heartbeat", host.StateReason, StringComparison.Ordinal);
        Assert.Empty(host.RunningVms);
    }

    [Fact]
    public async Task Redis_RestartedFromItsAppendOnlyFile_HostRecordSurvives()
    {
        var agent = _cluster.StartAgent("it-node4", TestDrivers.Default);
        var before = await _cluster.WaitForHostAsync("it-node4", HostState.Ready, TestDrivers.RegistrationDeadline);
        await agent.StopAsync(TimeSpan.FromSeconds(20));
        await _cluster.Silo!.StopAsync(TimeSpan.FromSeconds(30));

        // Only Redis's files carry the host across: no silo and no agent is running meanwhile.
        await _cluster.Redis.RestartAsync();
        await _cluster.StartSiloAsync();
        Assert.Single(await _cluster.ListHostsAsync(), h => h.Name == "it-node4");

        // Its agent is gone, so once its last stored heartbeat ages past the limit it is Unreachable.
        var after = await _cluster.WaitForHostAsync("it-node4", HostState.Unreachable, ClusterUnderTest.UnreachableAfter + TimeSpan.FromSeconds(30));
        Assert.Equal(before.RegisteredAt, after.RegisteredAt);
        Assert.Equal(before.Capabilities!.CpuModel, after.Capabilities!.CpuModel);
    }
}
