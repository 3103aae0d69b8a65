using Fabric.Contracts.Disks;
using Fabric.Contracts.Hosts;
using Fabric.Contracts.Operations;
using Fabric.Contracts.Vms;
using Fabric.Testing.Orleans;

namespace Fabric.Grains.Tests.Vms;

/// <summary>
/// A VM grain believes only reports of its current placement, from its own host, newer than the last:
/// anything else describes a copy or a moment that no longer counts.
/// </summary>
[Collection(VmClusterCollection.Name)]
public sealed class VmStaleReportTests(GrainClusterFixture fixture)
{
    private readonly VmTestContext _ctx = new(fixture);

    [Fact]
    public async Task ReportOfAnOlderEpoch_IsIgnored_TheStopWaitsAndADetachingDiskStaysHeld()
    {
        await _ctx.CreateAsync(new CreateVmRequest { Name = "stale1", Disks = [new CreateVmDisk { SizeBytes = 1L << 30 }, new CreateVmDisk { SizeBytes = 1L << 30 }] });
        var vm = _ctx.Vm("stale1");
        var disk = _ctx.Grains.GetGrain<IDiskGrain>("stale1-disk1");
        await _ctx.FinishAsync(await vm.Power(PowerAction.Start, null));
        _ctx.Agent.Rewrite = o => o with { Epoch = o.Epoch - 1, Status = VmStatus.Stopped, DiskSizes = new Dictionary<string, long>() };

        await vm.DetachDisk("stale1-disk1");
        var stop = await vm.Power(PowerAction.Stop, null);
        await _ctx.Agent.BeatAsync();
        await _ctx.Agent.BeatAsync();
        await OneWayCalls.SettleAsync(vm);

        var seen = await vm.Get();
        Assert.Equal(VmStatus.Running, seen!.Observed);
        Assert.DoesNotContain(seen.Events, e => e.Message.StartsWith("Stopped on", StringComparison.Ordinal));
        Assert.Equal(OperationState.Running, (await _ctx.Grains.GetGrain<IOperationGrain>(stop.Id).Get())!.State);
        Assert.Equal("stale1", (await disk.Get())!.AttachedTo);

        _ctx.Agent.Rewrite = o => o;
        Assert.Equal(OperationState.Succeeded, (await _ctx.FinishAsync(stop)).State);
        Assert.Null((await disk.Get())!.AttachedTo);
    }

    [Fact]
    public async Task ReportFromAnotherHost_IsIgnored_UntilItsOwnHostReports()
    {
        await _ctx.CreateAsync(new CreateVmRequest { Name = "stale2" });
        var vm = _ctx.Vm("stale2");
        var start = await vm.Power(PowerAction.Start, null);
        var other = new FakeAgent(_ctx.Grains, $"{_ctx.Agent.HostName}-other");
        other.AlsoReport.Add(new VmObservation { Vm = "stale2", Epoch = (await vm.Get())!.Epoch, Status = VmStatus.Running });

        await other.BeatAsync();
        await other.BeatAsync();
        await OneWayCalls.SettleAsync(vm);

        var seen = await vm.Get();
        Assert.Equal((_ctx.Agent.HostName, VmStatus.Starting), (seen!.Host, seen.Observed));
        Assert.Equal(OperationState.Running, (await _ctx.Grains.GetGrain<IOperationGrain>(start.Id).Get())!.State);
        Assert.Equal(OperationState.Succeeded, (await _ctx.FinishAsync(start)).State);
    }

    [Fact]
    public async Task ReportOlderThanTheLastOne_IsIgnored()
    {
        await _ctx.CreateAsync(new CreateVmRequest { Name = "stale3" });
        var vm = _ctx.Vm("stale3");
        await _ctx.FinishAsync(await vm.Power(PowerAction.Start, null));
        var stop = await vm.Power(PowerAction.Stop, null);
        var last = (await _ctx.Grains.GetGrain<IHostGrain>(_ctx.Agent.HostName).GetObservation("stale3"))!;

        await vm.Observe(last with { Status = VmStatus.Stopped, ObservedAt = last.ObservedAt - TimeSpan.FromSeconds(1) });
        await OneWayCalls.SettleAsync(vm);

        Assert.Equal(VmStatus.Running, (await vm.Get())!.Observed);
        Assert.Equal(OperationState.Running, (await _ctx.Grains.GetGrain<IOperationGrain>(stop.Id).Get())!.State);
        Assert.Equal(OperationState.Succeeded, (await _ctx.FinishAsync(stop)).State);
    }
}
