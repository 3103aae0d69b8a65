using System.Collections.Concurrent;
using Fabric.Hypervisor.Qemu.CommandLine;
using Fabric.Hypervisor.Storage;
using Microsoft.Extensions.Options;

namespace Fabric.Hypervisor.Simulated;

/// <summary>
/// An in-memory hypervisor: same contract as the QEMU driver, no processes. For unit tests and
/// scale simulation only; it never stands in for QEMU where a test claims a QEMU feature works.
/// </summary>
public sealed partial class SimulatedHypervisor : IHypervisor
{
    private readonly ConcurrentDictionary<string, SimulatedVm> _vms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, VmRuntimeSpec> _savedStates = new(StringComparer.Ordinal);
    private readonly SimulatedHypervisorOptions _options;
    private readonly TimeProvider _time;

    public SimulatedHypervisor(IOptions<SimulatedHypervisorOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        Pools = new StoragePools(_options.StoragePools);
        Hotplug = new SimulatedHotplug(this);
        GuestAgent = new SimulatedGuestAgent(this);
        Console = new SimulatedConsole(this);
        Disks = new SimulatedDiskStore(this, Pools, _options.PoolCapacityBytes);
    }

    public SimulatedFaults Faults { get; } = new();

    public string DriverName => "simulated";

    public IVmHotplug Hotplug { get; }

    public IGuestAgent GuestAgent { get; }

    public IVmConsole Console { get; }

    public IDiskStore Disks { get; }

    internal StoragePools Pools { get; }

    public async Task<HypervisorInfo> ProbeAsync(CancellationToken cancellationToken)
    {
        await EnterAsync("Probe", cancellationToken);
        var acceleration = _options.HardwareVirtualization
            ? AccelerationProbeResult.Kvm("simulated host: hardware virtualization reported available by configuration")
            : AccelerationProbeResult.Unavailable("simulated host: hardware virtualization reported unavailable by configuration");
        return new HypervisorInfo(DriverName, "1.0", acceleration) { MemoryBytes = _options.MemoryBytes > 0 ? _options.MemoryBytes : null };
    }

    public async Task<IReadOnlyList<VmRuntimeStatus>> ListAsync(CancellationToken cancellationToken)
    {
        await EnterAsync("List", cancellationToken);
        return [.. _vms.Values.Select(v => v.Status).OrderBy(v => v.VmId, StringComparer.Ordinal)];
    }

    public async Task<VmRuntimeStatus?> GetStatusAsync(string vmId, CancellationToken cancellationToken)
    {
        await EnterAsync("GetStatus", cancellationToken);
        return _vms.TryGetValue(vmId, out var vm) ? vm.Status : null;
    }

    public async Task<VmRuntimeStatus> StartAsync(VmRuntimeSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        await EnterAsync("Start", cancellationToken);
        return Launch(spec, "started");
    }

    public async Task StopAsync(string vmId, StopMode mode, TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        await EnterAsync("Stop", cancellationToken);
        if (!_vms.TryRemove(vmId, out _))
        {
            throw NotFound(vmId, "stop");
        }
    }

    public Task PauseAsync(string vmId, CancellationToken cancellationToken) =>
        TransitionAsync("Pause", vmId, VmRunState.Running, VmRunState.Paused, cancellationToken);

    public Task ResumeAsync(string vmId, CancellationToken cancellationToken) =>
        TransitionAsync("Resume", vmId, VmRunState.Paused, VmRunState.Running, cancellationToken);

    public Task ResetAsync(string vmId, CancellationToken cancellationToken) =>
        TransitionAsync("Reset", vmId, VmRunState.Running, VmRunState.Running, cancellationToken);

    public async Task SaveStateAsync(string vmId, string stateFilePath, CancellationToken cancellationToken)
    {
        await EnterAsync("SaveState", cancellationToken);
        var vm = RequireRunning(vmId, "save");
        var path = Pools.Resolve(stateFilePath, "State file").FullPath;
        if (!_savedStates.TryAdd(path, vm.Spec))
        {
            throw new HypervisorException(HypervisorErrorCode.InvalidSpec, $"State file '{stateFilePath}' already exists; choose another name or delete it.");
        }

        _vms.TryRemove(vmId, out _);
    }

    public async Task<VmRuntimeStatus> RestoreStateAsync(VmRuntimeSpec spec, string stateFilePath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        await EnterAsync("RestoreState", cancellationToken);
        if (!_savedStates.ContainsKey(Pools.Resolve(stateFilePath, "State file").FullPath))
        {
            throw new HypervisorException(HypervisorErrorCode.NotFound, $"State file '{stateFilePath}' does not exist; save the VM first.");
        }

        return Launch(spec, "restored");
    }

    /// <summary>Simulates the guest powering itself off: the VM stays listed as Stopped until started or stopped.</summary>
    public void SimulateGuestShutdown(string vmId) =>
        RequireRunning(vmId, "shut down").End(VmRunState.Stopped, VmExitReason.GuestShutdown, "the guest powered off");

    /// <summary>Simulates the VM's process being killed (SIGKILL, OOM) or QEMU crashing: listed as Stopped (process lost), as the QEMU driver reports it, until started or stopped.</summary>
    public void SimulateProcessLost(string vmId) =>
        RequireRunning(vmId, "kill").End(VmRunState.Stopped, VmExitReason.ProcessLost, "the VM process was killed");

    internal SimulatedVm RequireRunning(string vmId, string operation)
    {
        if (!_vms.TryGetValue(vmId, out var vm))
        {
            throw NotFound(vmId, operation);
        }

        if (vm.Status.ExitReason is not null)
        {
            throw new HypervisorException(HypervisorErrorCode.NotRunning, $"Cannot {operation}: VM '{vmId}' is not running ({vm.Status.State}); start it first.");
        }

        return vm;
    }

    internal Task EnterAsync(string operation, CancellationToken cancellationToken) => EnterCoreAsync(operation, cancellationToken);

    private VmRuntimeStatus Launch(VmRuntimeSpec spec, string detail)
    {
        VmSpecValidator.Validate(spec);
        var vm = new SimulatedVm(spec, new VmRuntimeStatus(spec.VmId, spec.Epoch, VmRunState.Running, detail));
        var current = _vms.AddOrUpdate(spec.VmId, vm, (_, existing) => existing.Status.ExitReason is null ? existing : vm);
        if (!ReferenceEquals(current, vm))
        {
            throw new HypervisorException(HypervisorErrorCode.AlreadyRunning,
                $"VM '{spec.VmId}' is already running on this host ({current.Status.State}); stop it before starting it again.");
        }

        return vm.Status;
    }

    private async Task TransitionAsync(string operation, string vmId, VmRunState from, VmRunState to, CancellationToken cancellationToken)
    {
        await EnterAsync(operation, cancellationToken);
        var vm = RequireRunning(vmId, operation.ToLowerInvariant());
        if (!vm.TryTransition(from, to))
        {
            throw new HypervisorException(HypervisorErrorCode.NotRunning,
                $"Cannot {operation.ToLowerInvariant()} VM '{vmId}': it is {vm.Status.State}, not {from}.");
        }
    }

    private async Task EnterCoreAsync(string operation, CancellationToken cancellationToken)
    {
        if (_options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(_options.Latency, _time, cancellationToken);
        }

        Faults.ThrowIfArmed(operation);
    }

    private static HypervisorException NotFound(string vmId, string operation) =>
        new(HypervisorErrorCode.NotFound, $"Cannot {operation}: VM '{vmId}' is not running on this host (it is not known here).");
}
