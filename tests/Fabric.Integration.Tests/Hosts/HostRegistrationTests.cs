using Fabric.Contracts.Hosts;
using Fabric.Contracts.Vms;
using Fabric.Integration.Tests.Infrastructure;
using Fabric.Integration.Tests.Vms;
using Fabric.Testing.Waiting;

namespace Fabric.Integration.Tests.Hosts;

[Collection(ProcessCollection.Name)]
public sealed class HostRegistrationTests : FreshClusterTests
{
    [Fact]
    public async Task Agent_Started_RegistersHostReadyWithProbedCapabilities()
    {
        Cluster.StartAgent("it-node1", TestDrivers.Default);

        var host = await Cluster.WaitForHostAsync("it-node1", HostState.Ready, TestDrivers.RegistrationDeadline);

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
        var agent = Cluster.StartAgent("it-node2", TestDrivers.Default);
        var before = await Cluster.WaitForHostAsync("it-node2", HostState.Ready, TestDrivers.RegistrationDeadline);

        await Cluster.Silo!.StopAsync(TimeSpan.FromSeconds(30));
        await Cluster.StartSiloAsync();
        var after = await Cluster.WaitForHostAsync("it-node2", HostState.Ready, TimeSpan.FromSeconds(90));

        Assert.False(agent.HasExited, $"the agent exited during the silo restart:\n{agent.Output}");
        Assert.Equal(before.RegisteredAt, after.RegisteredAt);
        Assert.True(after.LastHeartbeat > before.LastHeartbeat);
    }

    [Fact]
    public async Task Agent_Stopped_HostTurnsUnreachableWithReasonAndKeepsItsVmAsUnknown()
    {
        var agent = Cluster.StartAgent("it-node3", TestDrivers.Default);
        await Cluster.WaitForHostAsync("it-node3", HostState.Ready, TestDrivers.RegistrationDeadline);
        await using var client = await Cluster.ConnectAsync();
        await client.Fabric.Vms.CreateAsync(new CreateVmRequest { Name = "stranded1", VCpus = 1, MemoryMiB = 128 });
        await VmOperations.SucceedsAsync(client.Fabric, await client.Fabric.Vms.PowerAsync("stranded1", PowerAction.Start), TimeSpan.FromSeconds(60));
        await Eventually.MatchAsync(Cluster.ListHostsAsync, hs => hs.Any(h => h.Name == "it-node3" && h.RunningVms.Contains("stranded1")),
            TimeSpan.FromSeconds(30), "the host to report stranded1 running");

        await agent.StopAsync(TimeSpan.FromSeconds(20));
        var host = await Cluster.WaitForHostAsync("it-node3", HostState.Unreachable, ClusterUnderTest.UnreachableAfter + TimeSpan.FromSeconds(30));

        Assert.Contains("no heartbeat", host.StateReason, StringComparison.Ordinal);

        // The VM may still be running there: the host keeps it assigned, claims nothing about it,
        // and the VM says its state is not known rather than Running or Stopped.
        Assert.Equal(["stranded1"], host.AssignedVms);
        Assert.Empty(host.RunningVms);
        var vm = await client.Fabric.Vms.GetAsync("stranded1");
        Assert.Equal(("it-node3", PowerState.Running, VmStatus.Unknown), (vm!.Host, vm.Desired, vm.Observed));
        Assert.Contains("unreachable", vm.ObservedDetail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redis_RestartedFromItsAppendOnlyFile_HostRecordSurvives()
    {
        var agent = Cluster.StartAgent("it-node4", TestDrivers.Default);
        var before = await Cluster.WaitForHostAsync("it-node4", HostState.Ready, TestDrivers.RegistrationDeadline);
        await agent.StopAsync(TimeSpan.FromSeconds(20));
        await Cluster.Silo!.StopAsync(TimeSpan.FromSeconds(30));

        // Only Redis's files carry the host across: no silo and no agent is running meanwhile.
        await Cluster.Redis.RestartAsync();
        await Cluster.StartSiloAsync();
        Assert.Single(await Cluster.ListHostsAsync(), h => h.Name == "it-node4");

        // Its agent is gone, so once its last stored heartbeat ages past the limit it is Unreachable.
        var after = await Cluster.WaitForHostAsync("it-node4", HostState.Unreachable, ClusterUnderTest.UnreachableAfter + TimeSpan.FromSeconds(30));
        Assert.Equal(before.RegisteredAt, after.RegisteredAt);
        Assert.Equal(before.Capabilities!.CpuModel, after.Capabilities!.CpuModel);
    }
}
