using Fabric.Contracts.Disks;
using Fabric.Contracts.Hosts;
using Fabric.Contracts.Tasks;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Fabric.Grains.Placement;
using Fabric.Testing.Orleans;

namespace Fabric.Grains.Tests.Vms;

/// <summary>
/// Many calls at once: what is asserted is counts and invariants, which hold whatever order the
/// calls run in, not which call wins.
/// </summary>
[Collection(VmClusterCollection.Name)]
public sealed class VmConcurrencyTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task ConcurrentStarts_BeyondOneHostsMemory_ExactlyThoseThatFitRun_TheRestArePendingHostByHost()
    {
        const int fit = 10;
        var ctx = new VmTestContext(fixture, (PlacementOptions.DefaultHostReserveMiB + (fit * 1024L)) << 20);
        var host = ctx.Grains.GetGrain<IHostGrain>(ctx.Agent.HostName);
        var names = Enumerable.Range(0, 3 * fit).Select(i => $"fill{i}").ToList();
        await ctx.Agent.BeatAsync();
        await Task.WhenAll(names.Select(n => ctx.Vm(n).Create(new CreateVmRequest { Name = n, MemoryMiB = 1024 })));

        var starts = Task.WhenAll(names.Select(async n => (Name: n, Error: await Outcomes.ErrorOf(ctx.Vm(n).Power(PowerAction.Start, null)))));
        var mostCommitted = 0L;
        while (!starts.IsCompleted)
        {
            mostCommitted = Math.Max(mostCommitted, (await host.GetInfo())!.CommittedMemoryMiB);
        }

        Assert.All(await starts, outcome => Assert.Null(outcome.Error));
        var vms = (await Task.WhenAll(names.Select(n => ctx.Vm(n).Get()))).Select(vm => vm!).ToList();
        var pending = vms.Where(vm => vm.Host is null).Select(vm => vm.Name).ToList();
        try
        {
            var started = vms.Where(vm => vm.Host == ctx.Agent.HostName).Select(vm => vm.Name).Order(StringComparer.Ordinal).ToList();
            var info = (await host.GetInfo())!;
            Assert.Equal(fit, started.Count);
            Assert.Equal(started, info.AssignedVms);
            Assert.Equal(fit * 1024, info.CommittedMemoryMiB);
            Assert.True(mostCommitted <= fit * 1024, $"{mostCommitted} MiB committed at one point, more than the {fit * 1024} MiB the host can give");
            Assert.Equal(2 * fit, pending.Count);
            foreach (var vm in vms.Where(vm => vm.Host is null))
            {
                Assert.Equal((PowerState.Running, VmStatus.Pending), (vm.Desired, vm.Observed));
                Assert.Contains($"{ctx.Agent.HostName}: ", vm.ObservedDetail, StringComparison.Ordinal);
                Assert.Contains("MiB free", vm.ObservedDetail, StringComparison.Ordinal);
            }
        }
        finally
        {
            // Pending VMs keep trying; stopped, they stop waiting and take no later test's room.
            await Task.WhenAll(pending.Select(n => ctx.Vm(n).Power(PowerAction.Stop, null)));
        }
    }

    [Fact]
    public async Task ConcurrentCreates_ThoseFailingHalfway_LeaveNothingBehind_TheOthersAreWhole()
    {
        const int count = 20;
        var ctx = new VmTestContext(fixture);
        static string Name(int i) => $"crowd{i}";
        static bool Fails(int i) => i % 2 == 1;
        static CreateVmRequest Request(int i) => new()
        {
            Name = Name(i),
            Nics = [new CreateVmNic { Mac = $"52:54:00:ee:00:{i:x2}" }],
            Disks = [new CreateVmDisk { SizeBytes = 1L << 30 }, new CreateVmDisk { SizeBytes = 1L << 30 }],
        };
        var failing = Enumerable.Range(0, count).Where(Fails).ToList();
        ctx.Agent.FailWhen = t => t is CreateImageTask c && failing.Any(i => c.Path.Contains($"/{Name(i)}-disk1.", StringComparison.Ordinal)) ? "simulated: pool full" : null;
        await ctx.Agent.BeatAsync();

        var outcomes = await ctx.Agent.DriveAsync(Task.WhenAll(Enumerable.Range(0, count).Select(i => Outcomes.ErrorOf(ctx.Vm(Name(i)).Create(Request(i))))));

        for (var i = 0; i < count; i++)
        {
            var vm = await ctx.Vm(Name(i)).Get();
            var disks = await Task.WhenAll(Enumerable.Range(0, 2).Select(d => ctx.Grains.GetGrain<IDiskGrain>($"{Name(i)}-disk{d}").Get()));
            if (Fails(i))
            {
                Assert.Contains("simulated: pool full", Assert.IsType<FabricException>(outcomes[i]).Message, StringComparison.Ordinal);
                Assert.Null(vm);
                Assert.All(disks, Assert.Null);
            }
            else
            {
                Assert.Null(outcomes[i]);
                Assert.Equal([$"{Name(i)}-disk0", $"{Name(i)}-disk1"], vm!.Hardware.Disks.Select(d => d.Disk));
                Assert.All(disks, d => Assert.Equal(Name(i), d!.AttachedTo));
            }
        }

        var thief = await Assert.ThrowsAsync<FabricException>(() => ctx.Vm("crowd-thief").Create(new CreateVmRequest { Name = "crowd-thief", Nics = Request(0).Nics }));
        Assert.Equal(FabricErrorKind.Conflict, thief.Kind);
        ctx.Agent.FailWhen = _ => null;
        var again = await ctx.Agent.DriveAsync(Task.WhenAll(failing.Select(i => Outcomes.ErrorOf(ctx.Vm(Name(i)).Create(Request(i))))));
        Assert.All(again, Assert.Null);
    }
}
