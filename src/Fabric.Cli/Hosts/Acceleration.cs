using Fabric.Contracts.Hosts;

namespace Fabric.Cli.Hosts;

/// <summary>How a host's hardware virtualization reads in one phrase.</summary>
internal static class Acceleration
{
    /// <summary><c>kvm</c> when it works; otherwise what VMs fall back to and why, e.g. <c>tcg — kvm unavailable: no /dev/kvm</c>.</summary>
    public static string Describe(HardwareVirtualization virtualization) =>
        virtualization.Available || string.IsNullOrWhiteSpace(virtualization.Reason)
            ? virtualization.Accelerator
            : $"{virtualization.Accelerator} — kvm unavailable: {virtualization.Reason}";
}
