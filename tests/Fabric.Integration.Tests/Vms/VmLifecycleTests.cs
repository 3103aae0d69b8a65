using Fabric.Contracts.Disks;
using Fabric.Contracts.Vms;
using Fabric.Integration.Tests.Infrastructure;
using Fabric.Testing.Waiting;

namespace Fabric.Integration.Tests.Vms;

/// <summary>
/// The operator's first day, end to end on real QEMU with the test guest: create from the installer
/// ISO, boot, guest agent, online disk grow, a new SCSI controller and disk, COM2, graceful shutdown,
/// and the VM unchanged after a silo restart.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class VmLifecycleTests(QemuClusterFixture fixture)
{
    private static readonly TimeSpan Boot = TimeSpan.FromMinutes(4);

    private IGrainFactory Grains => fixture.Client.Grains;

    [Fact]
    public async Task ParavirtualVm_FromInstallerIso_LivesThroughTheWholeLifecycle()
    {
        var vm = Grains.GetGrain<IVmGrain>("lifecycle1");
        var created = await vm.Create(new CreateVmRequest
        {
            Name = "lifecycle1", VCpus = 1, MemoryMiB = 256, Profile = DeviceProfile.Paravirtual,
            Disks = [new CreateVmDisk { SizeBytes = 64L << 20 }], Iso = QemuClusterFixture.Iso,
        });
        Assert.Equal(["cdrom", "disk"], created.Hardware.BootOrder);

        await VmOperations.SucceedsAsync(Grains, await vm.Power(PowerAction.Start, null), Boot);
        var running = await Eventually.MatchAsync(vm.Get, v => v!.Guest is not null, Boot, "the guest agent to report the OS");
        Assert.Equal(VmStatus.Running, running!.Observed);
        Assert.Equal(QemuClusterFixture.Host, running.Host);
        Assert.NotEmpty(running.Guest!.KernelRelease);

        // Online grow: QEMU's block_resize, and the guest's kernel sees the new size.
        await VmOperations.SucceedsAsync(Grains, await vm.GrowDisk("lifecycle1-disk0", 128L << 20), TimeSpan.FromMinutes(2));
        Assert.Equal((128L << 20).ToString(), await GuestAsync(vm, "echo $(( $(cat /sys/block/vda/size) * 512 ))"));
        Assert.Equal(128L << 20, (await Grains.GetGrain<IDiskGrain>("lifecycle1-disk0").Get())!.VirtualSizeBytes);

        // Hyper-V's "new SCSI controller with a new disk", while running.
        await Grains.GetGrain<IDiskGrain>("lifecycle1-data").Create(new CreateDiskRequest { Name = "lifecycle1-data", SizeBytes = 32L << 20 });
        var withScsi = await vm.AttachDisk("lifecycle1-data", DiskBus.Scsi);
        Assert.Equal(1, withScsi.Hardware.ScsiControllers);
        await Eventually.MatchAsync(() => GuestAsync(vm, "cat /proc/partitions"), p => p.Contains("sda", StringComparison.Ordinal),
            TimeSpan.FromMinutes(1), "the guest to see the SCSI disk");

        var withCom2 = await vm.ChangeHardware(new HardwareChange { AddSerialPort = true });
        Assert.Equal(2, withCom2.Hardware.SerialPorts);

        await VmOperations.SucceedsAsync(Grains, await vm.Power(PowerAction.Shutdown, TimeSpan.FromSeconds(60)), TimeSpan.FromMinutes(3));
        var stopped = await vm.Get();
        Assert.Equal(VmStatus.Stopped, stopped!.Observed);

        await fixture.Cluster.Silo!.StopAsync(TimeSpan.FromSeconds(30));
        await fixture.Cluster.StartSiloAsync();
        var after = await Eventually.MatchAsync(vm.Get, v => v is not null, TimeSpan.FromMinutes(1), "the VM after the silo restart");
        Assert.Equal(PowerState.Stopped, after!.Desired);
        Assert.Equal(2, after.Hardware.SerialPorts);
        Assert.Equal(["lifecycle1-disk0", "lifecycle1-data"], after.Hardware.Disks.Select(d => d.Disk));
        Assert.Equal(stopped.Hardware.Nics.Single().Mac, after.Hardware.Nics.Single().Mac);
    }

    private static async Task<string> GuestAsync(IVmGrain vm, string script)
    {
        var result = await vm.Exec(["/bin/sh", "-c", script], TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode == 0, $"'{script}' exited {result.ExitCode}: {result.StandardError}");
        return result.StandardOutput.Trim();
    }
}
