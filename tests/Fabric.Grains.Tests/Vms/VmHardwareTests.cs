using Fabric.Contracts.Disks;
using Fabric.Contracts.Operations;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Fabric.Testing.Orleans;

namespace Fabric.Grains.Tests.Vms;

[Collection(VmClusterCollection.Name)]
public sealed class VmHardwareTests(GrainClusterFixture fixture)
{
    private readonly VmTestContext _ctx = new(fixture);

    private async Task StartAsync(string vm) => await _ctx.FinishAsync(await _ctx.Vm(vm).Power(PowerAction.Start, null));

    [Fact]
    public async Task ChangeMemory_WhileRunning_IsRefused_WhenStopped_IsApplied()
    {
        await _ctx.CreateAsync(new CreateVmRequest { Name = "hw1" });
        await StartAsync("hw1");

        var ex = await Assert.ThrowsAsync<FabricException>(() => _ctx.Vm("hw1").ChangeHardware(new HardwareChange { MemoryMiB = 2048 }));
        Assert.Contains("must be stopped", ex.Message, StringComparison.Ordinal);

        await _ctx.FinishAsync(await _ctx.Vm("hw1").Power(PowerAction.Stop, null));
        var changed = await _ctx.Vm("hw1").ChangeHardware(new HardwareChange { MemoryMiB = 2048, VCpus = 2 });
        Assert.Equal((2048, 2), (changed.Hardware.MemoryMiB, changed.Hardware.VCpus));
    }

    [Fact]
    public async Task AddNicScsiControllerAndCom2_WhileRunning_ArePushedToTheHost()
    {
        await _ctx.CreateAsync(new CreateVmRequest { Name = "hw2" });
        await StartAsync("hw2");

        await _ctx.Vm("hw2").ChangeHardware(new HardwareChange { AddNic = new CreateVmNic(), AddScsiController = true, AddSerialPort = true });

        var reply = await _ctx.Agent.BeatAsync();
        var hw = reply.Assignments.Single(a => a.Vm == "hw2").Hardware;
        Assert.Equal(["net0", "net1"], hw.Nics.Select(n => n.Id));
        Assert.Equal(1, hw.ScsiControllers);
        Assert.Equal(2, hw.SerialPorts);
    }

    [Fact]
    public async Task AttachDisk_ToASecondVm_IsRefused_AndDeletingAnAttachedDisk_IsRefused()
    {
        await _ctx.CreateAsync(new CreateVmRequest { Name = "hw3" });
        await _ctx.CreateAsync(new CreateVmRequest { Name = "hw4" });
        await _ctx.Agent.DriveAsync(_ctx.Grains.GetGrain<IDiskGrain>("shared1").Create(new CreateDiskRequest { Name = "shared1", SizeBytes = 1L << 30 }));
        var attached = await _ctx.Vm("hw3").AttachDisk("shared1", DiskBus.Scsi);
        Assert.Equal(1, attached.Hardware.ScsiControllers);

        var twice = await Assert.ThrowsAsync<FabricException>(() => _ctx.Vm("hw3").AttachDisk("shared1", DiskBus.Scsi));
        var elsewhere = await Assert.ThrowsAsync<FabricException>(() => _ctx.Vm("hw4").AttachDisk("shared1", DiskBus.Virtio));
        var delete = await Assert.ThrowsAsync<FabricException>(() => _ctx.Agent.DriveAsync(_ctx.Grains.GetGrain<IDiskGrain>("shared1").Delete()));

        Assert.Contains("already attached", twice.Message, StringComparison.Ordinal);
        Assert.Contains("attached to VM 'hw3'", elsewhere.Message, StringComparison.Ordinal);
        Assert.Contains("detach it first", delete.Message, StringComparison.Ordinal);
        Assert.Empty((await _ctx.Vm("hw4").Get())!.Hardware.Disks);
    }

    [Fact]
    public async Task GrowDisk_Running_IsOnlineAndDoneWhenTheHostReportsTheSize_Shrink_IsRefused()
    {
        await _ctx.CreateAsync(new CreateVmRequest { Name = "hw5", Disks = [new CreateVmDisk { SizeBytes = 1L << 30 }] });
        await StartAsync("hw5");

        var shrink = await Assert.ThrowsAsync<FabricException>(() => _ctx.Vm("hw5").GrowDisk("hw5-disk0", 512L << 20));
        var grow = await _ctx.FinishAsync(await _ctx.Vm("hw5").GrowDisk("hw5-disk0", 2L << 30));

        Assert.Contains("never shrinks", shrink.Message, StringComparison.Ordinal);
        Assert.Equal(OperationState.Succeeded, grow.State);
        Assert.Equal(2L << 30, (await _ctx.Grains.GetGrain<IDiskGrain>("hw5-disk0").Get())!.VirtualSizeBytes);
    }

    [Fact]
    public async Task Exec_StoppedVm_IsAConflict_RunningVm_RunsThroughTheHost()
    {
        await _ctx.CreateAsync(new CreateVmRequest { Name = "hw6" });
        await Assert.ThrowsAsync<FabricException>(() => _ctx.Vm("hw6").Exec(["/bin/true"], TimeSpan.FromSeconds(5)));
        await StartAsync("hw6");

        var result = await _ctx.Agent.DriveAsync(_ctx.Vm("hw6").Exec(["/bin/echo", "hi"], TimeSpan.FromSeconds(5)));

        Assert.Equal("/bin/echo hi", result.StandardOutput);
    }
}
