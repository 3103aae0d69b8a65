using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Fabric.Hypervisor.Simulated;

/// <summary>
/// An in-memory hypervisor: same contract as the QEMU driver, no processes. For unit tests and
/// scale simulation only; it never stands in for QEMU where a test claims a QEMU feature works.
/// </summary>
public sealed class SimulatedHypervisor(IOptions<SimulatedHypervisorOptions> options, TimeProvider time) : IHypervisor
{
    private readonly ConcurrentDictionary<string, VmRuntimeStatus> _vms = new(StringComparer.Ordinal);
    private readonly SimulatedHypervisorOptions _options = options.Value;

    public SimulatedFaults Faults { get; } = new();

    public string DriverName => "simulated";

    public async Task<HypervisorInfo> ProbeAsync(CancellationToken cancellationToken)
    {
        await EnterAsync("Probe", cancellationToken);
        var acceleration = _options.HardwareVirtualization
            ? AccelerationProbeResult.Kvm("simulated host: hardware virtualization reported available by configuration")
            : AccelerationProbeResult.Unavailable("simulated host: hardware virtualization reported unavailable by configuration");
        return new HypervisorInfo(DriverName, "1.0", acceleration);
    }

    public async Task<IReadOnlyList<VmRuntimeStatus>> ListAsync(CancellationToken cancellationToken)
    {
        await EnterAsync("List", cancellationToken);
        return [.. _vms.Values.OrderBy(v => v.VmId, StringComparer.Ordinal)];
    }

    public async Task<VmRuntimeStatus?> GetStatusAsync(string vmId, CancellationToken cancellationToken)
    {
        await EnterAsync("GetStatus", cancellationToken);
        return _vms.TryGetValue(vmId, out var status) ? status : null;
    }

    public async Task<VmRuntimeStatus> StartAsync(VmRuntimeSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        await EnterAsync("Start", cancellationToken);
        if (spec.VCpus < 1 || spec.MemoryMiB < 1)
        {
            throw new HypervisorException(HypervisorErrorCode.InvalidSpec,
                $"VM '{spec.VmId}' needs at least 1 vCPU and 1 MiB of memory (got {spec.VCpus} vCPUs, {spec.MemoryMiB} MiB).");
        }

        var running = new VmRuntimeStatus(spec.VmId, spec.Epoch, VmRunState.Running, "started");
        if (!_vms.TryAdd(spec.VmId, running))
        {
            throw new HypervisorException(HypervisorErrorCode.AlreadyRunning,
                $"VM '{spec.VmId}' is already running on this host; stop it before starting it again.");
        }

        return running;
    }

    public async Task StopAsync(string vmId, StopMode mode, TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        await EnterAsync("Stop", cancellationToken);
        if (!_vms.TryRemove(vmId, out _))
        {
            throw NotRunning(vmId);
        }
    }

    public Task PauseAsync(string vmId, CancellationToken cancellationToken) =>
        TransitionAsync("Pause", vmId, VmRunState.Running, VmRunState.Paused, cancellationToken);

    public Task ResumeAsync(string vmId, CancellationToken cancellationToken) =>
        TransitionAsync("Resume", vmId, VmRunState.Paused, VmRunState.Running, cancellationToken);

    public Task ResetAsync(string vmId, CancellationToken cancellationToken) =>
        TransitionAsync("Reset", vmId, VmRunState.Running, VmRunState.Running, cancellationToken);

    private async Task TransitionAsync(string operation, string vmId, VmRunState from, VmRunState to, CancellationToken cancellationToken)
    {
        await EnterAsync(operation, cancellationToken);
        if (!_vms.TryGetValue(vmId, out var current))
        {
            throw NotRunning(vmId);
        }

        if (current.State != from || !_vms.TryUpdate(vmId, current with { State = to }, current))
        {
            throw new HypervisorException(HypervisorErrorCode.NotRunning,
                $"Cannot {operation.ToLowerInvariant()} VM '{vmId}': it is {current.State}, not {from}.");
        }
    }

    private async Task EnterAsync(string operation, CancellationToken cancellationToken)
    {
        if (_options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(_options.Latency, time, cancellationToken);
        }

        Faults.ThrowIfArmed(operation);
    }

    private static HypervisorException NotRunning(string vmId) =>
        new(HypervisorErrorCode.NotFound, $"VM '{vmId}' is not running on this host.");
}
