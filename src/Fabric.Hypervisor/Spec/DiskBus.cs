namespace Fabric.Hypervisor;

/// <summary>The controller a disk hangs off.</summary>
public enum DiskBus
{
    /// <summary>virtio-blk for Paravirtual, SATA for Emulated.</summary>
    Default,
    VirtioBlk,

    /// <summary>scsi-hd on a virtio-scsi controller.</summary>
    VirtioScsi,

    /// <summary>The q35 AHCI controller (IDE-compatible; six ports shared with CD-ROMs).</summary>
    Sata,
}
