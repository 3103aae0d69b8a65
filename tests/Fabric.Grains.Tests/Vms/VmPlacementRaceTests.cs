using Fabric.Contracts.Hosts;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Fabric.Grains.Placement;
using Fabric.Grains.Tests.Storing;
using Fabric.Testing.Orleans;

namespace Fabric.Grains.Tests.Vms;

/// <summary>
/// A VM chooses hosts from a listing that can be out of date by the time it asks them: the host
/// decides, and when every candidate refuses, the VM waits Pending with each one's reason.
/// </summary>
[Collection(StoringClusterCollection.Name)]
public sealed class VmPlacementRaceTests(StoringClusterFixture fixture)
{
    [Fact]
    public async Task StartsThatSawRoomWhichWasTakenMeanwhile_WaitPendingNamingEveryCandidateAndWhy()
    {
        var ctx = new VmTestContext(fixture.Time, fixture.Cluster.Client, (PlacementOptions.DefaultHostReserveMiB + 1024) << 20);
        var a = ctx.Agent;
        var b = new FakeAgent(ctx.Grains, $"{a.HostName}-b", (PlacementOptions.DefaultHostReserveMiB + 1024) << 20);
        await b.BeatAsync();
        var late = Enumerable.Range(0, 10).Select(i => $"race-late{i}").ToList();
        string[] early = ["race-early0", "race-early1"];
        await a.BeatAsync();
        await Task.WhenAll(late.Concat(early).Select(n => ctx.Vm(n).Create(new CreateVmRequest { Name = n, MemoryMiB = 1024 })));

        late.ForEach(fixture.Gate.Hold);
        var lateStarts = late.Select(n => Outcomes.ErrorOf(ctx.Vm(n).Power(PowerAction.Start, null))).ToList();
        await Task.WhenAll(late.Select(fixture.Gate.ReachedAsync)).WaitAsync(TimeSpan.FromSeconds(30));
        foreach (var name in early)
        {
            await ctx.Vm(name).Power(PowerAction.Start, null);
        }

        late.ForEach(fixture.Gate.Release);
        var errors = await Task.WhenAll(lateStarts);

        try
        {
            Assert.All(errors, Assert.Null);
            foreach (var name in late)
            {
                var vm = (await ctx.Vm(name).Get())!;
                Assert.Equal((VmStatus.Pending, null), (vm.Observed, vm.Host));
                Assert.Contains("every candidate host refused: ", vm.ObservedDetail, StringComparison.Ordinal);
                Assert.Contains($"{a.HostName}: host '{a.HostName}' has 0 MiB free", vm.ObservedDetail, StringComparison.Ordinal);
                Assert.Contains($"{b.HostName}: host '{b.HostName}' has 0 MiB free", vm.ObservedDetail, StringComparison.Ordinal);
            }
        }
        finally
        {
            await Task.WhenAll(late.Select(n => ctx.Vm(n).Power(PowerAction.Stop, null)));
        }

        foreach (var agent in new[] { a, b })
        {
            var host = (await ctx.Grains.GetGrain<IHostGrain>(agent.HostName).GetInfo())!;
            Assert.Equal(1024, host.CommittedMemoryMiB);
            Assert.Single(host.AssignedVms, v => early.Contains(v));
        }
    }
}
