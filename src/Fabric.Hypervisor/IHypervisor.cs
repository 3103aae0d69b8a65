namespace Fabric.Hypervisor;

/// <summary>
/// What a host agent needs from the local hypervisor. One implementation per driver
/// (QEMU over QMP, Simulated in memory); the same contract test suite runs against each.
/// Facets (<see cref="Hotplug"/>, <see cref="GuestAgent"/>, <see cref="Console"/>, <see cref="Disks"/>)
/// group the operations on a running VM's devices, its guest, its screen and the host's images.
/// </summary>
public interface IHypervisor
{
    /// <summary>Driver name as operators see it: <c>qemu</c> or <c>simulated</c>.</summary>
    string DriverName { get; }

    /// <summary>Changing a running VM's devices.</summary>
    IVmHotplug Hotplug { get; }

    /// <summary>Talking to the agent inside a Paravirtual guest.</summary>
    IGuestAgent GuestAgent { get; }

    /// <summary>Serial consoles and screenshots.</summary>
    IVmConsole Console { get; }

    /// <summary>Disk images in the host's storage pools.</summary>
    IDiskStore Disks { get; }

    /// <summary>Driver version and whether hardware virtualization really works here. Cached per driver instance.</summary>
    Task<HypervisorInfo> ProbeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Every VM this driver finds on the host, including ones started by an earlier agent, and ones
    /// that exited on their own (state Stopped or Crashed, with <see cref="VmRuntimeStatus.ExitReason"/>)
    /// until they are started again or stopped.
    /// </summary>
    Task<IReadOnlyList<VmRuntimeStatus>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The VM's current state, or <c>null</c> when no such VM is known here.</summary>
    Task<VmRuntimeStatus?> GetStatusAsync(string vmId, CancellationToken cancellationToken);

    /// <summary>Starts a VM. Throws <see cref="HypervisorException"/> with <see cref="HypervisorErrorCode.AlreadyRunning"/> when it runs.</summary>
    Task<VmRuntimeStatus> StartAsync(VmRuntimeSpec spec, CancellationToken cancellationToken);

    /// <summary>
    /// Stops a VM: gracefully (guest agent, then ACPI power button, within <paramref name="gracePeriod"/>)
    /// then by force, or by force at once. Afterwards the VM is no longer listed. Stopping a VM that
    /// already exited on its own just forgets its exit record.
    /// </summary>
    Task StopAsync(string vmId, StopMode mode, TimeSpan gracePeriod, CancellationToken cancellationToken);

    /// <summary>Pauses the vCPUs of a running VM.</summary>
    Task PauseAsync(string vmId, CancellationToken cancellationToken);

    /// <summary>Resumes a paused VM.</summary>
    Task ResumeAsync(string vmId, CancellationToken cancellationToken);

    /// <summary>Hard reset, as pressing the reset button.</summary>
    Task ResetAsync(string vmId, CancellationToken cancellationToken);

    /// <summary>
    /// Hyper-V's "save": writes the VM's memory and device state to <paramref name="stateFilePath"/>
    /// (inside a storage pool) and ends the process. Disks are not copied; leave them untouched until restore.
    /// </summary>
    Task SaveStateAsync(string vmId, string stateFilePath, CancellationToken cancellationToken);

    /// <summary>Starts a VM from a state file written by <see cref="SaveStateAsync"/>; <paramref name="spec"/> must describe the same devices.</summary>
    Task<VmRuntimeStatus> RestoreStateAsync(VmRuntimeSpec spec, string stateFilePath, CancellationToken cancellationToken);
}
