using Fabric.Hypervisor;

namespace Fabric.HostAgent.Reconcile;

/// <summary>One change to bring a running VM's devices to the desired hardware.</summary>
public abstract record HotplugStep(string Description)
{
    public sealed record AddScsiController(string ControllerId) : HotplugStep($"add SCSI controller {ControllerId}");

    public sealed record AttachDisk(VmDiskSpec Disk, string? ScsiController, string DiskName, long SizeBytes) : HotplugStep($"attach disk {Disk.Id}");

    public sealed record DetachDisk(string DiskId, string? DiskName) : HotplugStep($"detach disk {DiskName ?? DiskId}");

    public sealed record ResizeDisk(string DiskName, string DiskId, long SizeBytes) : HotplugStep($"grow disk {DiskId} to {SizeBytes} bytes");

    public sealed record AddNic(VmNicSpec Nic) : HotplugStep($"add NIC {Nic.Id}");

    public sealed record RemoveNic(string NicId) : HotplugStep($"remove NIC {NicId}");

    public sealed record ChangeMedium(string CdromId, string? IsoPath) : HotplugStep(IsoPath is null ? $"eject {CdromId}" : $"insert ISO into {CdromId}");
}
