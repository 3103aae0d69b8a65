namespace Fabric.Hypervisor;

/// <summary>
/// What a host agent needs from the local hypervisor. One implementation per driver
/// (QEMU over QMP, Simulated in memory); the same contract test suite runs against each.
/// </summary>
public interface IHypervisor
{
    /// <summary>Driver name as operators see it: <c>qemu</c> or <c>simulated</c>.</summary>
    string DriverName { get; }

    /// <summary>Driver version and whether hardware virtualization really works here.</summary>
    Task<HypervisorInfo> ProbeAsync(CancellationToken cancellationToken);

    /// <summary>Every VM this driver finds running on the host, including ones started by an earlier agent.</summary>
    Task<IReadOnlyList<VmRuntimeStatus>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The VM's current state, or <c>null</c> when no such VM runs here.</summary>
    Task<VmRuntimeStatus?> GetStatusAsync(string vmId, CancellationToken cancellationToken);

    /// <summary>Starts a VM. Throws <see cref="HypervisorException"/> with <see cref="HypervisorErrorCode.AlreadyRunning"/> when it runs.</summary>
    Task<VmRuntimeStatus> StartAsync(VmRuntimeSpec spec, CancellationToken cancellationToken);

    /// <summary>Stops a VM: gracefully within <paramref name="gracePeriod"/> then by force, or by force at once.</summary>
    Task StopAsync(string vmId, StopMode mode, TimeSpan gracePeriod, CancellationToken cancellationToken);

    /// <summary>Pauses the vCPUs of a running VM.</summary>
    Task PauseAsync(string vmId, CancellationToken cancellationToken);

    /// <summary>Resumes a paused VM.</summary>
    Task ResumeAsync(string vmId, CancellationToken cancellationToken);

    /// <summary>Hard reset, as pressing the reset button.</summary>
    Task ResetAsync(string vmId, CancellationToken cancellationToken);
}
