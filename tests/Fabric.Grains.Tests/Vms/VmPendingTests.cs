using Fabric.Contracts.Operations;
using Fabric.Contracts.Vms;
using Fabric.Testing.Orleans;
using Fabric.Testing.Waiting;

namespace Fabric.Grains.Tests.Vms;

/// <summary>A VM no host can take is kept Pending with every host's reason, and placed once a host can take it.</summary>
[Collection(VmClusterCollection.Name)]
public sealed class VmPendingTests(GrainClusterFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task CreateWithStart_LargerThanAnyHost_PendingWithTheReason_ThenPlacedWhenABigEnoughHostJoins()
    {
        var ctx = new VmTestContext(fixture);
        var vm = await ctx.CreateAsync(new CreateVmRequest { Name = "pend1", MemoryMiB = 32 * 1024, Start = true });

        Assert.Equal((PowerState.Running, VmStatus.Pending, null), (vm.Desired, vm.Observed, vm.Host));
        Assert.Contains($"{ctx.Agent.HostName}: ", vm.ObservedDetail, StringComparison.Ordinal);
        Assert.Contains("32768 MiB needed", vm.ObservedDetail, StringComparison.Ordinal);
        var start = Assert.IsType<OperationInfo>(vm.Operation);
        Assert.Equal(OperationState.Running, start.State);
        Assert.StartsWith("pending: ", start.Message, StringComparison.Ordinal);

        var big = new FakeAgent(ctx.Grains, $"{ctx.Agent.HostName}-big", 64L << 30);
        var placed = await Eventually.MatchAsync(
            async () =>
            {
                await big.BeatAsync();
                return (await ctx.Vm("pend1").Get())!;
            },
            v => v.Host == big.HostName, Deadline, "the pending VM to be placed on the host that joined");
        var done = await Eventually.MatchAsync(
            async () =>
            {
                await big.BeatAsync();
                return (await ctx.Grains.GetGrain<IOperationGrain>(start.Id).Get())!;
            },
            o => o.State != OperationState.Running, Deadline, "the start to finish on the new host");

        Assert.Equal(OperationState.Succeeded, done.State);
        Assert.Contains(placed.Events, e => e.Message.StartsWith($"no longer pending: placed on host {big.HostName}", StringComparison.Ordinal));
        await ctx.Vm("pend1").Power(PowerAction.Stop, null);
    }
}
