namespace Fabric.Hypervisor;

/// <summary>Why a VM stopped running.</summary>
public enum VmExitReason
{
    /// <summary>The guest powered itself off (OS shutdown, ACPI, guest agent).</summary>
    GuestShutdown,

    /// <summary>The guest kernel panicked.</summary>
    GuestCrashed,

    /// <summary>The host asked for the stop (this driver, a signal to QEMU, or QMP <c>quit</c>).</summary>
    HostStop,

    /// <summary>The VM process vanished without saying why: killed (SIGKILL, OOM) or QEMU crashed.</summary>
    ProcessLost,
}
