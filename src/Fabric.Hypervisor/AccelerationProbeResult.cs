namespace Fabric.Hypervisor;

/// <summary>
/// Whether hardware virtualization really runs a guest on this host. Decided by booting
/// something under a deadline, never by <c>/dev/kvm</c> existing (on nested kvm-pvm hosts the
/// device exists, QEMU reports KVM enabled, and every guest hangs).
/// </summary>
/// <param name="HardwareAvailable">True when a KVM guest made progress within the deadline.</param>
/// <param name="Accelerator">The accelerator VMs will use: <c>kvm</c> or <c>tcg</c>.</param>
/// <param name="Reason">Why, in words an operator can act on.</param>
public sealed record AccelerationProbeResult(bool HardwareAvailable, string Accelerator, string Reason)
{
    public static AccelerationProbeResult Kvm(string reason) => new(true, "kvm", reason);

    public static AccelerationProbeResult Unavailable(string reason) => new(false, "tcg", reason);
}
