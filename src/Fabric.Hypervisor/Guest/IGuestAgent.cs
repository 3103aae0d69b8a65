namespace Fabric.Hypervisor;

/// <summary>
/// The agent inside a Paravirtual guest (qemu-ga). An Emulated VM has no agent channel:
/// calls fail with <see cref="HypervisorErrorCode.Unsupported"/>.
/// </summary>
public interface IGuestAgent
{
    /// <summary>Succeeds when the agent answers; throws <see cref="HypervisorErrorCode.Timeout"/> while the guest boots.</summary>
    Task PingAsync(string vmId, CancellationToken cancellationToken);

    Task<GuestOsInfo> GetOsInfoAsync(string vmId, CancellationToken cancellationToken);

    Task<IReadOnlyList<GuestNetworkInterface>> GetNetworkInterfacesAsync(string vmId, CancellationToken cancellationToken);

    /// <summary>Runs a program in the guest (no shell unless <paramref name="path"/> is one) and collects its output.</summary>
    Task<GuestExecResult> ExecAsync(string vmId, string path, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Asks the guest OS to power off; returns once the agent accepted (the VM stops later).</summary>
    Task ShutdownAsync(string vmId, CancellationToken cancellationToken);

    Task RebootAsync(string vmId, CancellationToken cancellationToken);

    /// <summary>Suspends the guest to RAM; QMP <c>system_wakeup</c> (<see cref="IHypervisor.ResumeAsync"/>) wakes it.</summary>
    Task SuspendAsync(string vmId, CancellationToken cancellationToken);
}
