namespace Fabric.Hypervisor.Qemu.Lifecycle;

/// <summary>
/// The per-VM runtime directory: everything a running VM needs on the host besides its disks.
/// A restarted agent finds its VMs again from these files alone.
/// </summary>
public sealed class VmRuntimePaths(string runtimeRoot, string vmId)
{
    public string VmId { get; } = vmId;

    public string Directory { get; } = Path.Combine(runtimeRoot, vmId);

    public string QmpSocket => Path.Combine(Directory, "qmp.sock");

    public string GuestAgentSocket => Path.Combine(Directory, "qga.sock");

    public string PidFile => Path.Combine(Directory, "qemu.pid");

    public string VncSocket => Path.Combine(Directory, "vnc.sock");

    /// <summary>The spec the VM was started with (epoch included), so adoption knows what it adopted.</summary>
    public string SpecFile => Path.Combine(Directory, "spec.json");

    /// <summary>Why the VM exited, written by whoever saw it go.</summary>
    public string ExitFile => Path.Combine(Directory, "exit.json");

    public string ScreenshotFile => Path.Combine(Directory, "screen.png");

    /// <summary>Socket the agent listens on while QEMU saves or restores its state.</summary>
    public string StateTransferSocket => Path.Combine(Directory, "state.sock");

    /// <summary>COM(<paramref name="index"/>+1) socket.</summary>
    public string SerialSocket(int index) => Path.Combine(Directory, $"serial{index}.sock");

    /// <summary>COM(<paramref name="index"/>+1) output, recorded even when no client is connected.</summary>
    public string SerialLog(int index) => Path.Combine(Directory, $"serial{index}.log");
}
