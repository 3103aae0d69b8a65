using System.Globalization;
using System.Text.Json.Nodes;
using Fabric.Hypervisor.Qemu.CommandLine;
using Fabric.Hypervisor.Qemu.Lifecycle;
using Fabric.Hypervisor.Qemu.Qmp;

namespace Fabric.Hypervisor.Qemu.Hotplug;

/// <summary>
/// Hotplug over QMP. PCI devices go into the spare PCIe root ports (q35's root bus cannot
/// hotplug); disks are <c>blockdev-add</c>ed first and removed again if the device refuses.
/// Names follow the command line's conventions, so a restarted agent can unplug what an earlier one plugged.
/// </summary>
internal sealed partial class QemuHotplug(QemuHypervisor driver) : IVmHotplug
{
    /// <summary>PCI unplug needs the guest to acknowledge (pciehp); a busy TCG guest can take a while.</summary>
    private static readonly TimeSpan UnplugTimeout = TimeSpan.FromSeconds(60);

    public async Task AddScsiControllerAsync(string vmId, string controllerId, CancellationToken cancellationToken)
    {
        QemuOptionText.DeviceId(controllerId, "SCSI controller");
        var vm = await driver.RequireRunningAsync(vmId, "add a SCSI controller", cancellationToken);
        await PlugIntoFreeSlotAsync(vm, new JsonObject { ["driver"] = "virtio-scsi-pci", ["id"] = controllerId }, cancellationToken);
    }

    public async Task AttachDiskAsync(string vmId, VmDiskSpec disk, string? scsiController, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(disk);
        QemuOptionText.DeviceId(disk.Id, "Disk");
        var vm = await driver.RequireRunningAsync(vmId, "attach a disk", cancellationToken);
        var image = driver.Pools.Resolve(disk.Path, $"Disk '{disk.Id}'");
        if (!File.Exists(image.FullPath))
        {
            throw new HypervisorException(HypervisorErrorCode.NotFound, $"Disk image '{disk.Path}' does not exist; create it first.");
        }

        var bus = DeviceRules.EffectiveBus(disk, vm.Spec.Profile);
        var device = bus switch
        {
            DiskBus.Sata => throw new HypervisorException(HypervisorErrorCode.Unsupported,
                $"Cannot hot-plug disk '{disk.Id}' on SATA: QEMU's AHCI has no hotplug. Use virtio-blk or virtio-scsi, or add it while the VM is stopped."),
            DiskBus.VirtioScsi when scsiController is null => throw new HypervisorException(HypervisorErrorCode.InvalidSpec,
                $"Disk '{disk.Id}' goes on virtio-scsi but no controller was named; add one with AddScsiControllerAsync or use '{DeviceRules.ScsiController}'."),
            DiskBus.VirtioScsi => new JsonObject { ["driver"] = "scsi-hd", ["bus"] = $"{QemuOptionText.DeviceId(scsiController!, "SCSI controller")}.0" },
            _ => new JsonObject { ["driver"] = "virtio-blk-pci" },
        };
        device["drive"] = DeviceRules.FormatNode(disk.Id);
        device["id"] = disk.Id;

        await AddBlockNodesAsync(vm, disk, image.FullPath, cancellationToken);
        try
        {
            if (bus == DiskBus.VirtioScsi)
            {
                await ExecuteAsync(vm, "device_add", device, $"attach disk '{disk.Id}'", cancellationToken);
            }
            else
            {
                await PlugIntoFreeSlotAsync(vm, device, cancellationToken);
            }
        }
        catch
        {
            await RemoveBlockNodesAsync(vm, disk.Id);
            throw;
        }
    }

    public async Task DetachDiskAsync(string vmId, string diskId, CancellationToken cancellationToken)
    {
        var vm = await driver.RequireRunningAsync(vmId, "detach a disk", cancellationToken);
        await UnplugAsync(vm, QemuOptionText.DeviceId(diskId, "Disk"), cancellationToken);
        await RemoveBlockNodesAsync(vm, diskId);
    }

    public async Task ResizeDiskAsync(string vmId, string diskId, long newSizeBytes, CancellationToken cancellationToken)
    {
        var vm = await driver.RequireRunningAsync(vmId, "resize a disk", cancellationToken);
        if (newSizeBytes <= 0)
        {
            throw new HypervisorException(HypervisorErrorCode.InvalidSpec, $"Disk '{diskId}' needs a size above zero (got {newSizeBytes}).");
        }

        // On the format node, so qcow2 metadata grows too; the guest gets a capacity-change notification.
        await ExecuteAsync(vm, "block_resize",
            new JsonObject { ["node-name"] = DeviceRules.FormatNode(QemuOptionText.DeviceId(diskId, "Disk")), ["size"] = newSizeBytes },
            $"resize disk '{diskId}' to {newSizeBytes.ToString(CultureInfo.InvariantCulture)} bytes", cancellationToken);
    }

    private static async Task AddBlockNodesAsync(QemuVm vm, VmDiskSpec disk, string path, CancellationToken cancellationToken)
    {
        await ExecuteAsync(vm, "blockdev-add", new JsonObject
        {
            ["driver"] = "file", ["node-name"] = DeviceRules.FileNode(disk.Id), ["filename"] = path, ["read-only"] = disk.ReadOnly,
        }, $"open disk image '{path}'", cancellationToken);
        try
        {
            await ExecuteAsync(vm, "blockdev-add", new JsonObject
            {
                ["driver"] = disk.Format.ToQemu(), ["node-name"] = DeviceRules.FormatNode(disk.Id), ["file"] = DeviceRules.FileNode(disk.Id), ["read-only"] = disk.ReadOnly,
            }, $"open disk image '{path}' as {disk.Format.ToQemu()}", cancellationToken);
        }
        catch
        {
            await TryExecuteAsync(vm, "blockdev-del", new JsonObject { ["node-name"] = DeviceRules.FileNode(disk.Id) });
            throw;
        }
    }

    private static async Task RemoveBlockNodesAsync(QemuVm vm, string diskId)
    {
        await TryExecuteAsync(vm, "blockdev-del", new JsonObject { ["node-name"] = DeviceRules.FormatNode(diskId) });
        await TryExecuteAsync(vm, "blockdev-del", new JsonObject { ["node-name"] = DeviceRules.FileNode(diskId) });
    }
}
