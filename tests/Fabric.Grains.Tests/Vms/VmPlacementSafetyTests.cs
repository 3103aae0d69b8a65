using Fabric.Contracts.Disks;
using Fabric.Contracts.Hosts;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Fabric.Testing.Orleans;

namespace Fabric.Grains.Tests.Vms;

/// <summary>A VM never runs twice: it is not moved off a host that may still run it, and a disk is not freed before QEMU let go.</summary>
[Collection(VmClusterCollection.Name)]
public sealed class VmPlacementSafetyTests(GrainClusterFixture fixture)
{
    private readonly VmTestContext _ctx = new(fixture);

    [Fact]
    public async Task Start_WhileItsHostIsUnreachableAndTheVmMayRun_IsRefusedAndNothingMoves()
    {
        await _ctx.CreateAsync(new CreateVmRequest { Name = "safe1" });
        await _ctx.FinishAsync(await _ctx.Vm("safe1").Power(PowerAction.Start, null));
        fixture.Time.Advance(TimeSpan.FromSeconds(11));
        var other = new FakeAgent(_ctx.Grains, $"{_ctx.Agent.HostName}-b");
        await other.BeatAsync();

        var ex = await Assert.ThrowsAsync<FabricException>(() => _ctx.Vm("safe1").Power(PowerAction.Start, null));

        Assert.Contains("never runs twice", ex.Message, StringComparison.Ordinal);
        var vm = await _ctx.Vm("safe1").Get();
        Assert.Equal((_ctx.Agent.HostName, 1L), (vm!.Host, vm.Epoch));
        Assert.Empty((await _ctx.Grains.GetGrain<IHostGrain>(other.HostName).GetInfo())!.AssignedVms);
    }

    [Fact]
    public async Task Reset_WhileItsHostIsInMaintenance_StaysOnThatHost()
    {
        await _ctx.CreateAsync(new CreateVmRequest { Name = "safe2" });
        await _ctx.FinishAsync(await _ctx.Vm("safe2").Power(PowerAction.Start, null));
        await _ctx.Grains.GetGrain<IHostGrain>(_ctx.Agent.HostName).SetMaintenance(true);

        var reset = await _ctx.FinishAsync(await _ctx.Vm("safe2").Power(PowerAction.Reset, null));

        var vm = await _ctx.Vm("safe2").Get();
        Assert.Equal(Contracts.Operations.OperationState.Succeeded, reset.State);
        Assert.Equal((_ctx.Agent.HostName, 1L), (vm!.Host, vm.Epoch));
    }

    [Fact]
    public async Task DetachDisk_FromARunningVm_KeepsTheDiskAttachedUntilTheHostReportsItGone()
    {
        await _ctx.CreateAsync(new CreateVmRequest { Name = "safe3", Disks = [new CreateVmDisk { SizeBytes = 1L << 30 }, new CreateVmDisk { SizeBytes = 1L << 30 }] });
        await _ctx.FinishAsync(await _ctx.Vm("safe3").Power(PowerAction.Start, null));
        var disk = _ctx.Grains.GetGrain<IDiskGrain>("safe3-disk1");

        var after = await _ctx.Vm("safe3").DetachDisk("safe3-disk1");
        var stillHeld = (await disk.Get())!.AttachedTo;
        // Reports reach the VM one-way: heartbeat until the release shows, with a deadline rather than a count.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((await disk.Get())!.AttachedTo is not null && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await _ctx.Agent.BeatAsync();
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        Assert.DoesNotContain(after.Hardware.Disks, d => d.Disk == "safe3-disk1");
        Assert.Equal("safe3", stillHeld);
        Assert.Null((await disk.Get())!.AttachedTo);
    }
}
