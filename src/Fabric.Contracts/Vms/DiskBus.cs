namespace Fabric.Contracts.Vms;

/// <summary>The controller a VM disk hangs off.</summary>
public enum DiskBus
{
    /// <summary>Follows the profile: virtio-blk when Paravirtual, IDE/SATA when Emulated.</summary>
    Default,
    Virtio,

    /// <summary>A disk on a virtio-scsi controller (Hyper-V's "SCSI controller").</summary>
    Scsi,
    Ide,
}
