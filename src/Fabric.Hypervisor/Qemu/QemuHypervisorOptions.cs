namespace Fabric.Hypervisor.Qemu;

/// <summary>Configuration of the QEMU driver (section <c>Hypervisor:Qemu</c> by convention).</summary>
public sealed class QemuHypervisorOptions
{
    public string QemuBinary { get; set; } = "qemu-system-x86_64";

    public string QemuImgBinary { get; set; } = "qemu-img";

    /// <summary>Root of the per-VM runtime directories (sockets, logs, pidfile).</summary>
    public string RuntimeDirectory { get; set; } = "/run/fabric/vms";

    /// <summary>Storage pools, name → directory. Every disk, ISO and state file must lie inside one.</summary>
    public Dictionary<string, string> StoragePools { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Kernel booted by the acceleration probe; default: the test guest kernel, else the newest /boot/vmlinuz-*.</summary>
    public string? ProbeKernelPath { get; set; }

    /// <summary>How long a KVM probe guest gets to print kernel output on its serial port.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Skip the probe and use this accelerator (<c>kvm</c> or <c>tcg</c>); for hosts where the answer is known.</summary>
    public string? ForceAccelerator { get; set; }

    /// <summary>Reply deadline for one QMP command.</summary>
    public TimeSpan QmpCommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Reply deadline for one guest-agent command.</summary>
    public TimeSpan GuestAgentTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deadline for a <c>qemu-img</c> invocation (convert of a large image takes long).</summary>
    public TimeSpan QemuImgTimeout { get; set; } = TimeSpan.FromMinutes(30);
}
