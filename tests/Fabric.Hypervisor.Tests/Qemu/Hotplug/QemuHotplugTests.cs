using Fabric.Hypervisor.Tests.Support;
using Fabric.Testing.Guest;

namespace Fabric.Hypervisor.Tests.Qemu.Hotplug;

/// <summary>Every change is checked from inside the guest, through the guest agent.</summary>
[Collection(QemuCollection.Name)]
[Trait("Needs", "Qemu")]
public sealed class QemuHotplugTests : IAsyncLifetime
{
    private const int Timeout = 400_000;
    private const string Vm = "hot";
    private readonly QemuTestHost _host = new();

    [Fact(Timeout = Timeout)]
    public async Task ScsiControllerAndDisk_AttachResizeDetach_GuestSeesEachStep()
    {
        var disk = _host.InPool("hot-data.qcow2");
        await _host.Driver.Disks.CreateAsync(new DiskCreateRequest(disk, DiskFormat.Qcow2, 32L * 1024 * 1024), default);

        await _host.Driver.Hotplug.AddScsiControllerAsync(Vm, "scsi9", default);
        await _host.Driver.Hotplug.AttachDiskAsync(Vm, new VmDiskSpec("data1", disk, DiskFormat.Qcow2) { Bus = DiskBus.VirtioScsi }, "scsi9", default);
        await GuestShowsAsync("cat /sys/block/sda/size 2>/dev/null", "65536\n");

        await _host.Driver.Hotplug.ResizeDiskAsync(Vm, "data1", 64L * 1024 * 1024, default);
        await GuestShowsAsync("cat /sys/block/sda/size", "131072\n");

        await _host.Driver.Hotplug.DetachDiskAsync(Vm, "data1", default);
        await GuestShowsAsync("test -e /sys/block/sda && echo present || echo gone", "gone\n");
    }

    [Fact(Timeout = Timeout)]
    public async Task Nic_AddAndRemove_GuestSeesInterfaceComeAndGo()
    {
        await _host.Driver.Hotplug.AddNicAsync(Vm, new VmNicSpec("net1") { MacAddress = "52:54:00:12:34:99" }, default);
        await GuestShowsAsync("cat /sys/class/net/*/address | grep -c 52:54:00:12:34:99", "1\n");

        await _host.Driver.Hotplug.RemoveNicAsync(Vm, "net1", default);
        await GuestShowsAsync("cat /sys/class/net/*/address | grep -c 52:54:00:12:34:99 || true", "0\n");
    }

    [Fact(Timeout = Timeout)]
    public async Task Cdrom_InsertAndEjectIso_GuestSeesMedium()
    {
        await _host.Driver.Hotplug.ChangeMediumAsync(Vm, "cd0", TestGuest.InstallIso, default);
        var sectors = new FileInfo(TestGuest.InstallIso).Length / 512;
        await GuestShowsAsync("dd if=/dev/sr0 of=/dev/null bs=2048 count=1 2>/dev/null; cat /sys/block/sr0/size", $"{sectors}\n");

        await _host.Driver.Hotplug.ChangeMediumAsync(Vm, "cd0", null, default);
        await GuestShowsAsync("dd if=/dev/sr0 of=/dev/null bs=2048 count=1 2>/dev/null && echo readable || echo no-medium", "no-medium\n");
    }

    [Fact(Timeout = Timeout)]
    public async Task Cdrom_IsoThatDoesNotExist_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<HypervisorException>(() => _host.Driver.Hotplug.ChangeMediumAsync(Vm, "cd0", _host.InPool("nope.iso"), default));
        Assert.Equal(HypervisorErrorCode.NotFound, error.Code);
    }

    [Fact(Timeout = Timeout)]
    public async Task AttachDisk_DeviceRefused_LeavesNoBlockNodesSoTheSameIdWorksAfterwards()
    {
        var disk = _host.InPool("retry.qcow2");
        await _host.Driver.Disks.CreateAsync(new DiskCreateRequest(disk, DiskFormat.Qcow2, 16L * 1024 * 1024), default);

        await Assert.ThrowsAsync<HypervisorException>(() =>
            _host.Driver.Hotplug.AttachDiskAsync(Vm, new VmDiskSpec("data2", disk, DiskFormat.Qcow2) { Bus = DiskBus.VirtioScsi }, "noctrl", default));

        await _host.Driver.Hotplug.AttachDiskAsync(Vm, new VmDiskSpec("data2", disk, DiskFormat.Qcow2), null, default);
        await GuestShowsAsync("cat /sys/block/vda/size 2>/dev/null", "32768\n");
    }

    public async Task InitializeAsync()
    {
        await _host.Driver.StartAsync(QemuTestHost.GuestSpec(Vm) with { CdRoms = [new VmCdromSpec("cd0", null)] }, default);
        await _host.WaitForAgentAsync(Vm);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task GuestShowsAsync(string command, string expected)
    {
        var last = string.Empty;
        await Eventually.HoldsAsync(async () => (last = await Shell(command)) == expected, TimeSpan.FromSeconds(60), $"guest '{command}' to print '{expected.Trim()}' (last: '{last.Trim()}')");
    }

    private async Task<string> Shell(string command) =>
        (await _host.Driver.GuestAgent.ExecAsync(Vm, "/bin/sh", ["-c", command], TimeSpan.FromSeconds(30), default)).StandardOutput;
}
