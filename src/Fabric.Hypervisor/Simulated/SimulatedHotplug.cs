using Fabric.Hypervisor.Qemu.CommandLine;

namespace Fabric.Hypervisor.Simulated;

/// <summary>Hotplug bookkeeping for the simulated driver: device ids come and go, nothing else.</summary>
internal sealed class SimulatedHotplug(SimulatedHypervisor driver) : IVmHotplug
{
    public Task AddScsiControllerAsync(string vmId, string controllerId, CancellationToken cancellationToken) =>
        AddAsync("AddScsiController", vmId, controllerId, "controller", cancellationToken);

    public async Task AttachDiskAsync(string vmId, VmDiskSpec disk, string? scsiController, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(disk);
        await driver.EnterAsync("AttachDisk", cancellationToken);
        var vm = driver.RequireRunning(vmId, "attach a disk");
        driver.Pools.Resolve(disk.Path, $"Disk '{disk.Id}'");
        if (DeviceRules.EffectiveBus(disk, vm.Spec.Profile) == DiskBus.Sata)
        {
            throw new HypervisorException(HypervisorErrorCode.Unsupported, $"Cannot hot-plug disk '{disk.Id}' on SATA; use virtio-blk or virtio-scsi.");
        }

        if (scsiController is not null && !vm.Devices.ContainsKey(scsiController))
        {
            throw new HypervisorException(HypervisorErrorCode.NotFound, $"VM '{vmId}' has no SCSI controller '{scsiController}'.");
        }

        Add(vm, QemuOptionText.DeviceId(disk.Id, "Disk"), "disk");
    }

    public Task DetachDiskAsync(string vmId, string diskId, CancellationToken cancellationToken) => RemoveAsync("DetachDisk", vmId, diskId, cancellationToken);

    public async Task ResizeDiskAsync(string vmId, string diskId, long newSizeBytes, CancellationToken cancellationToken)
    {
        await driver.EnterAsync("ResizeDisk", cancellationToken);
        var vm = driver.RequireRunning(vmId, "resize a disk");
        if (!vm.Devices.ContainsKey(diskId))
        {
            throw new HypervisorException(HypervisorErrorCode.NotFound, $"VM '{vmId}' has no disk '{diskId}'.");
        }
    }

    public Task AddNicAsync(string vmId, VmNicSpec nic, CancellationToken cancellationToken) =>
        AddAsync("AddNic", vmId, nic?.Id ?? throw new ArgumentNullException(nameof(nic)), "nic", cancellationToken);

    public Task RemoveNicAsync(string vmId, string nicId, CancellationToken cancellationToken) => RemoveAsync("RemoveNic", vmId, nicId, cancellationToken);

    public async Task ChangeMediumAsync(string vmId, string cdromId, string? isoPath, CancellationToken cancellationToken)
    {
        await driver.EnterAsync("ChangeMedium", cancellationToken);
        var vm = driver.RequireRunning(vmId, "change a CD-ROM");
        if (!vm.Devices.ContainsKey(cdromId))
        {
            throw new HypervisorException(HypervisorErrorCode.NotFound, $"VM '{vmId}' has no CD-ROM '{cdromId}'.");
        }

        vm.Devices[cdromId] = isoPath is null ? string.Empty : driver.Pools.Resolve(isoPath, $"ISO for '{cdromId}'").FullPath;
    }

    private async Task AddAsync(string operation, string vmId, string deviceId, string kind, CancellationToken cancellationToken)
    {
        await driver.EnterAsync(operation, cancellationToken);
        Add(driver.RequireRunning(vmId, $"add {kind} '{deviceId}'"), QemuOptionText.DeviceId(deviceId, kind), kind);
    }

    private static void Add(SimulatedVm vm, string deviceId, string kind)
    {
        if (!vm.Devices.TryAdd(deviceId, kind))
        {
            throw new HypervisorException(HypervisorErrorCode.Failed, $"VM '{vm.Spec.VmId}' already has a device '{deviceId}'.");
        }
    }

    private async Task RemoveAsync(string operation, string vmId, string deviceId, CancellationToken cancellationToken)
    {
        await driver.EnterAsync(operation, cancellationToken);
        if (!driver.RequireRunning(vmId, $"remove '{deviceId}'").Devices.TryRemove(deviceId, out _))
        {
            throw new HypervisorException(HypervisorErrorCode.NotFound, $"VM '{vmId}' has no device '{deviceId}'.");
        }
    }
}
