using Fabric.Client;
using Fabric.Contracts.Disks;
using Fabric.Contracts.Vms;
using Fabric.Integration.Tests.Infrastructure;
using Fabric.Testing.Waiting;

namespace Fabric.Integration.Tests.Vms;

/// <summary>
/// The operator's first day through <see cref="FabricClient"/>, end to end on real QEMU with the
/// test guest: create from the installer ISO, boot, guest agent, online disk grow, a new SCSI
/// controller and disk, COM2, graceful shutdown, and the VM unchanged after a silo restart.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class VmLifecycleTests(QemuClusterFixture fixture)
{
    private static readonly TimeSpan Boot = TimeSpan.FromMinutes(4);

    private FabricClient Fabric => fixture.Client.Fabric;

    [Fact]
    public async Task ParavirtualVm_FromInstallerIso_LivesThroughTheWholeLifecycle()
    {
        var created = await Fabric.Vms.CreateAsync(new CreateVmRequest
        {
            Name = "lifecycle1", VCpus = 1, MemoryMiB = 256, Profile = DeviceProfile.Paravirtual,
            Disks = [new CreateVmDisk { SizeBytes = 64L << 20 }], Iso = QemuClusterFixture.Iso,
        });
        Assert.Equal(["cdrom", "disk"], created.Hardware.BootOrder);

        await VmOperations.SucceedsAsync(Fabric, await Fabric.Vms.PowerAsync("lifecycle1", PowerAction.Start), Boot);
        var running = await Eventually.MatchAsync(() => Fabric.Vms.GetAsync("lifecycle1"), v => v!.Guest is not null, Boot, "the guest agent to report the OS");
        Assert.Equal(VmStatus.Running, running!.Observed);
        Assert.Equal(QemuClusterFixture.Host, running.Host);
        Assert.NotEmpty(running.Guest!.KernelRelease);

        // Online grow: QEMU's block_resize, and the guest's kernel sees the new size.
        var growth = await Fabric.Disks.GrowAsync("lifecycle1-disk0", 128L << 20);
        await VmOperations.SucceedsAsync(Fabric, growth.Operation!, TimeSpan.FromMinutes(2));
        Assert.Equal((128L << 20).ToString(), await GuestAsync("echo $(( $(cat /sys/block/vda/size) * 512 ))"));
        Assert.Equal(128L << 20, (await Fabric.Disks.GetAsync("lifecycle1-disk0"))!.VirtualSizeBytes);

        // Hyper-V's "new SCSI controller with a new disk", while running.
        await Fabric.Disks.CreateAsync(new CreateDiskRequest { Name = "lifecycle1-data", SizeBytes = 32L << 20 });
        var withScsi = await Fabric.Vms.AttachDiskAsync("lifecycle1", "lifecycle1-data", DiskBus.Scsi);
        Assert.Equal(1, withScsi.Hardware.ScsiControllers);
        await Eventually.MatchAsync(() => GuestAsync("cat /proc/partitions"), p => p.Contains("sda", StringComparison.Ordinal),
            TimeSpan.FromMinutes(1), "the guest to see the SCSI disk");

        var withCom2 = await Fabric.Vms.ChangeHardwareAsync("lifecycle1", new HardwareChange { AddSerialPort = true });
        Assert.Equal(2, withCom2.Hardware.SerialPorts);

        await VmOperations.SucceedsAsync(Fabric, await Fabric.Vms.PowerAsync("lifecycle1", PowerAction.Shutdown, TimeSpan.FromSeconds(60)), TimeSpan.FromMinutes(3));
        var stopped = await Fabric.Vms.GetAsync("lifecycle1");
        Assert.Equal(VmStatus.Stopped, stopped!.Observed);

        await fixture.Cluster.Silo!.StopAsync(TimeSpan.FromSeconds(30));
        await fixture.Cluster.StartSiloAsync();
        var after = await Eventually.MatchAsync(() => Fabric.Vms.GetAsync("lifecycle1"), v => v is not null, TimeSpan.FromMinutes(1), "the VM after the silo restart");
        Assert.Equal(PowerState.Stopped, after!.Desired);
        Assert.Equal(2, after.Hardware.SerialPorts);
        Assert.Equal(["lifecycle1-disk0", "lifecycle1-data"], after.Hardware.Disks.Select(d => d.Disk));
        Assert.Equal(stopped.Hardware.Nics.Single().Mac, after.Hardware.Nics.Single().Mac);
    }

    private async Task<string> GuestAsync(string script)
    {
        var result = await Fabric.Vms.ExecAsync("lifecycle1", ["/bin/sh", "-c", script], TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode == 0, $"'{script}' exited {result.ExitCode}: {result.StandardError}");
        return result.StandardOutput.Trim();
    }
}
