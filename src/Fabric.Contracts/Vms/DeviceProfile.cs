namespace Fabric.Contracts.Vms;

/// <summary>Which devices a VM sees: Hyper-V's "integration services" switch.</summary>
public enum DeviceProfile
{
    /// <summary>virtio disks and NICs plus the guest-agent channel: fast, needs guest drivers.</summary>
    Paravirtual,

    /// <summary>SATA/IDE disks and e1000 NICs, no guest agent: any installer boots without drivers.</summary>
    Emulated,
}
