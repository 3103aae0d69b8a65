namespace Fabric.Hypervisor;

/// <summary>Which device family a VM sees; Hyper-V's "integration services" switch.</summary>
public enum DeviceProfile
{
    /// <summary>virtio-blk / virtio-scsi disks, virtio-net NICs and the guest-agent channel: fast, needs guest drivers.</summary>
    Paravirtual,

    /// <summary>IDE/AHCI disks and e1000 NICs, no guest agent: any OS installer boots without drivers.</summary>
    Emulated,
}
