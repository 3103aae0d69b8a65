using Fabric.Contracts.Operations;
using Fabric.Contracts.Vms;
using Fabric.Testing.Orleans;

namespace Fabric.Grains.Tests.Vms;

/// <summary>vCPUs count against a host's capacity (CPUs × the allocation ratio, 16 by default), as memory does.</summary>
[Collection(VmClusterCollection.Name)]
public sealed class VmPlacementCapacityTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task Start_HostsVCpusAllCommitted_PendingSayingSoAndTheFirstKeepsRunning()
    {
        var ctx = new VmTestContext(fixture);
        var first = await ctx.CreateAsync(new CreateVmRequest { Name = "cpus-a", VCpus = 20, MemoryMiB = 256, Start = true });
        Assert.Equal(OperationState.Succeeded, (await ctx.FinishAsync(first.Operation!)).State);

        var second = await ctx.CreateAsync(new CreateVmRequest { Name = "cpus-b", VCpus = 20, MemoryMiB = 256, Start = true });

        Assert.Equal((VmStatus.Pending, null), (second.Observed, second.Host));
        Assert.Contains($"{ctx.Agent.HostName}: 12 vCPUs free, 20 needed (2 CPUs × 16 allocation ratio, 20 committed)", second.ObservedDetail, StringComparison.Ordinal);
        Assert.Equal(PowerState.Running, (await ctx.Vm("cpus-a").Get())!.Desired);
        await ctx.Vm("cpus-b").Power(PowerAction.Stop, null);
    }
}
