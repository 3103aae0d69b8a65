namespace Fabric.Hypervisor;

/// <summary>
/// Device changes on a running VM. Every call on a VM that is not running fails with
/// <see cref="HypervisorErrorCode.NotRunning"/>; a failed call leaves no half-added device behind.
/// Changes are not written back to the VM's spec: the caller owns the spec.
/// </summary>
public interface IVmHotplug
{
    /// <summary>Adds a virtio-scsi controller (Hyper-V's "new virtual SCSI controller").</summary>
    Task AddScsiControllerAsync(string vmId, string controllerId, CancellationToken cancellationToken);

    /// <summary>
    /// Attaches a disk. <see cref="DiskBus.VirtioScsi"/> needs <paramref name="scsiController"/>
    /// (a controller from the spec's disks is named <c>scsi0</c>); virtio-blk takes a free hotplug slot.
    /// </summary>
    Task AttachDiskAsync(string vmId, VmDiskSpec disk, string? scsiController, CancellationToken cancellationToken);

    /// <summary>Detaches a disk; waits until the guest let go of it.</summary>
    Task DetachDiskAsync(string vmId, string diskId, CancellationToken cancellationToken);

    /// <summary>Grows a disk while the guest uses it; the guest sees the new size.</summary>
    Task ResizeDiskAsync(string vmId, string diskId, long newSizeBytes, CancellationToken cancellationToken);

    Task AddNicAsync(string vmId, VmNicSpec nic, CancellationToken cancellationToken);

    Task RemoveNicAsync(string vmId, string nicId, CancellationToken cancellationToken);

    /// <summary>Inserts <paramref name="isoPath"/> into a CD-ROM drive, or ejects it when null.</summary>
    Task ChangeMediumAsync(string vmId, string cdromId, string? isoPath, CancellationToken cancellationToken);
}
