using Fabric.Contracts.Hosts;
using Fabric.Contracts.Operations;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Fabric.Testing.Orleans;

namespace Fabric.Grains.Tests.Vms;

[Collection(VmClusterCollection.Name)]
public sealed class VmPowerTests(GrainClusterFixture fixture)
{
    private readonly VmTestContext _ctx = new(fixture);

    [Fact]
    public async Task Start_PlacesOnTheHostAndSucceedsOnceTheHostReportsRunning()
    {
        await _ctx.CreateAsync(new CreateVmRequest { Name = "power1", MemoryMiB = 1024 });

        var operation = await _ctx.FinishAsync(await _ctx.Vm("power1").Power(PowerAction.Start, null));

        var vm = await _ctx.Vm("power1").Get();
        Assert.Equal(OperationState.Succeeded, operation.State);
        Assert.Equal(_ctx.Agent.HostName, vm!.Host);
        Assert.Equal(1, vm.Epoch);
        Assert.Equal(VmStatus.Running, vm.Observed);
        var host = await _ctx.Grains.GetGrain<IHostGrain>(_ctx.Agent.HostName).GetInfo();
        Assert.Equal(1024, host!.CommittedMemoryMiB);
    }

    [Fact]
    public async Task Start_Twice_IsIdempotentAndKeepsTheEpoch()
    {
        await _ctx.CreateAsync(new CreateVmRequest { Name = "power2" });
        await _ctx.FinishAsync(await _ctx.Vm("power2").Power(PowerAction.Start, null));

        var again = await _ctx.Vm("power2").Power(PowerAction.Start, null);

        Assert.Equal(OperationState.Succeeded, again.State);
        Assert.Equal(1, (await _ctx.Vm("power2").Get())!.Epoch);
    }

    [Fact]
    public async Task Start_MoreMemoryThanAnyHostHas_PendingWithEachHostsReason_AndAStopEndsTheWait()
    {
        await _ctx.CreateAsync(new CreateVmRequest { Name = "huge1", MemoryMiB = 64 * 1024 });

        var start = await _ctx.Vm("huge1").Power(PowerAction.Start, null);

        Assert.Equal(OperationState.Running, start.State);
        Assert.StartsWith("pending: cannot place VM 'huge1'", start.Message, StringComparison.Ordinal);
        var vm = (await _ctx.Vm("huge1").Get())!;
        Assert.Equal((PowerState.Running, VmStatus.Pending, null), (vm.Desired, vm.Observed, vm.Host));
        Assert.Contains($"{_ctx.Agent.HostName}: ", vm.ObservedDetail, StringComparison.Ordinal);
        Assert.Contains("MiB needed", vm.ObservedDetail, StringComparison.Ordinal);

        var stop = await _ctx.FinishAsync(await _ctx.Vm("huge1").Power(PowerAction.Stop, null));

        Assert.Equal(OperationState.Succeeded, stop.State);
        Assert.Equal(OperationState.Failed, (await _ctx.Grains.GetGrain<IOperationGrain>(start.Id).Get())!.State);
        vm = (await _ctx.Vm("huge1").Get())!;
        Assert.Equal((PowerState.Stopped, VmStatus.Stopped), (vm.Desired, vm.Observed));
    }

    [Fact]
    public async Task PauseResumeResetShutdown_EachSucceedsWhenObserved()
    {
        await _ctx.CreateAsync(new CreateVmRequest { Name = "power3" });
        var vm = _ctx.Vm("power3");
        await _ctx.FinishAsync(await vm.Power(PowerAction.Start, null));

        foreach (var action in new[] { PowerAction.Pause, PowerAction.Resume, PowerAction.Reset, PowerAction.Restart, PowerAction.Suspend, PowerAction.Start, PowerAction.Shutdown })
        {
            var done = await _ctx.FinishAsync(await vm.Power(action, TimeSpan.FromSeconds(30)));
            Assert.True(done.State == OperationState.Succeeded, $"{action}: {done.Message}");
        }

        Assert.Equal(VmStatus.Stopped, (await vm.Get())!.Observed);
    }

    [Fact]
    public async Task Pause_StoppedVm_IsAConflictAndStartsNothing()
    {
        await _ctx.CreateAsync(new CreateVmRequest { Name = "power4" });

        var ex = await Assert.ThrowsAsync<FabricException>(() => _ctx.Vm("power4").Power(PowerAction.Pause, null));

        Assert.Contains("start it first", ex.Message, StringComparison.Ordinal);
        Assert.Null((await _ctx.Vm("power4").Get())!.Host);
    }

    [Fact]
    public async Task Power_VmThatDoesNotExist_IsNotFound()
    {
        var ex = await Assert.ThrowsAsync<FabricException>(() => _ctx.Vm("nosuchvm").Power(PowerAction.Start, null));

        Assert.Equal(FabricErrorKind.NotFound, ex.Kind);
    }

    [Fact]
    public async Task Delete_RunningVm_IsRefused_StoppedVm_IsRemovedAndItsDiskKept()
    {
        await _ctx.CreateAsync(new CreateVmRequest { Name = "del1", Disks = [new CreateVmDisk { SizeBytes = 1L << 30 }] });
        var vm = _ctx.Vm("del1");
        await _ctx.FinishAsync(await vm.Power(PowerAction.Start, null));

        await Assert.ThrowsAsync<FabricException>(() => vm.Delete(false));
        await _ctx.FinishAsync(await vm.Power(PowerAction.Stop, null));
        await _ctx.Agent.DriveAsync(vm.Delete(false));

        Assert.Null(await vm.Get());
        var disk = await _ctx.Grains.GetGrain<Contracts.Disks.IDiskGrain>("del1-disk0").Get();
        Assert.Null(disk!.AttachedTo);
        Assert.DoesNotContain("del1", (await _ctx.Grains.GetGrain<IHostGrain>(_ctx.Agent.HostName).GetInfo())!.AssignedVms);
    }
}
