using System.Collections.Concurrent;
using Fabric.Hypervisor.Probing;
using Fabric.Hypervisor.Qemu.CommandLine;
using Fabric.Hypervisor.Qemu.Console;
using Fabric.Hypervisor.Qemu.Disks;
using Fabric.Hypervisor.Qemu.GuestAgent;
using Fabric.Hypervisor.Qemu.Hotplug;
using Fabric.Hypervisor.Qemu.Lifecycle;
using Fabric.Hypervisor.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fabric.Hypervisor.Qemu;

/// <summary>
/// The QEMU driver: one daemonized QEMU per VM, driven over QMP, found again after an agent
/// restart through its runtime directory (pidfile + <c>/proc/&lt;pid&gt;/cmdline</c> + QMP). The
/// driver keeps no state that the runtime directories do not also hold. Disposing detaches from
/// the VMs and leaves them running.
/// </summary>
public sealed partial class QemuHypervisor : IHypervisor, IAsyncDisposable, IDisposable
{
    private readonly ConcurrentDictionary<string, QemuVm> _attached = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _vmLocks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _starting = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _probeOnce = new(1, 1);
    private readonly QemuHypervisorOptions _options;
    private readonly AccelerationProbe _probe;
    private readonly QemuLauncher _launcher;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private HypervisorInfo? _info;

    public QemuHypervisor(IOptions<QemuHypervisorOptions> options, ILoggerFactory loggerFactory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options.Value;
        _time = time;
        _logger = loggerFactory.CreateLogger<QemuHypervisor>();
        _probe = new AccelerationProbe(_options, loggerFactory.CreateLogger<AccelerationProbe>(), time);
        _launcher = new QemuLauncher(_options.QemuBinary, TimeSpan.FromSeconds(60));
        RuntimeRoot = Path.GetFullPath(_options.RuntimeDirectory);
        Pools = new StoragePools(_options.StoragePools);
        Disks = new QemuDiskStore(Pools, new QemuImgRunner(_options.QemuImgBinary, _options.QemuImgTimeout));
        Hotplug = new QemuHotplug(this);
        GuestAgent = new QemuGuestAgent(this, _options.GuestAgentTimeout);
        Console = new QemuConsole(this);
    }

    public string DriverName => "qemu";

    public IVmHotplug Hotplug { get; }

    public IGuestAgent GuestAgent { get; }

    public IVmConsole Console { get; }

    public IDiskStore Disks { get; }

    internal StoragePools Pools { get; }

    internal string RuntimeRoot { get; }

    internal TimeProvider Time => _time;

    public async Task<HypervisorInfo> ProbeAsync(CancellationToken cancellationToken)
    {
        await _probeOnce.WaitAsync(cancellationToken);
        try
        {
            _info ??= new HypervisorInfo(DriverName,
                await QemuVersionReader.ReadAsync(_options.QemuBinary, cancellationToken),
                await _probe.ProbeAsync(cancellationToken));
            return _info;
        }
        finally
        {
            _probeOnce.Release();
        }
    }

    public async Task<IReadOnlyList<VmRuntimeStatus>> ListAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(RuntimeRoot))
        {
            return [];
        }

        var result = new List<VmRuntimeStatus>();
        foreach (var directory in Directory.GetDirectories(RuntimeRoot).Order(StringComparer.Ordinal))
        {
            if (await GetStatusAsync(Path.GetFileName(directory), cancellationToken) is { } status)
            {
                result.Add(status);
            }
        }

        return result;
    }

    public async Task<VmRuntimeStatus?> GetStatusAsync(string vmId, CancellationToken cancellationToken)
    {
        VmSpecValidator.ValidateVmId(vmId);
        var paths = PathsOf(vmId);
        if (VmRuntimeFiles.ReadSpec(paths) is not { } spec)
        {
            return null;
        }

        if (_starting.ContainsKey(vmId))
        {
            return new VmRuntimeStatus(vmId, spec.Epoch, VmRunState.Starting, "starting");
        }

        if (await AttachAsync(paths, spec) is { } vm)
        {
            try
            {
                var state = await vm.QueryStatusAsync(cancellationToken);
                return new VmRuntimeStatus(vmId, spec.Epoch, QemuRunStates.Map(state), state) { ProcessId = vm.Pid };
            }
            catch (Exception error) when (error is IOException or HypervisorException)
            {
                // It ended while we asked; report it as ended below. QEMU closes its QMP socket a
                // moment before its process is gone (the monitor quits it once the guest powered
                // off), so wait briefly for the process before calling the question failed.
                if (!await WaitForExitUntilAsync(vm, _time.GetUtcNow() + QuitGrace, cancellationToken))
                {
                    throw;
                }
            }
        }

        await DetachAsync(vmId);
        var exit = VmRuntimeFiles.ReadExit(paths);
        if (exit is null)
        {
            VmRuntimeFiles.WriteExitOnce(paths, new VmExitRecord(VmExitReason.ProcessLost,
                "QEMU process is gone without a recorded shutdown: it was killed (SIGKILL, OOM killer) or crashed.", _time.GetUtcNow()));
            exit = VmRuntimeFiles.ReadExit(paths)!;
        }

        var ended = exit.Reason == VmExitReason.GuestCrashed ? VmRunState.Crashed : VmRunState.Stopped;
        return new VmRuntimeStatus(vmId, spec.Epoch, ended, exit.Detail) { ExitReason = exit.Reason };
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var vmId in _attached.Keys)
        {
            await DetachAsync(vmId);
        }

        _probeOnce.Dispose();
    }

    /// <summary>For containers disposed synchronously; detaching only closes sockets, so blocking is brief.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    internal VmRuntimePaths PathsOf(string vmId) => new(RuntimeRoot, vmId);

    /// <summary>The attached VM when it is running here; NotFound when unknown, NotRunning when it has ended.</summary>
    internal async Task<QemuVm> RequireRunningAsync(string vmId, string operation, CancellationToken cancellationToken)
    {
        var status = await GetStatusAsync(vmId, cancellationToken)
            ?? throw new HypervisorException(HypervisorErrorCode.NotFound, $"Cannot {operation}: VM '{vmId}' is not running on this host (it is not known here).");
        if (status.ExitReason is not null || !_attached.TryGetValue(vmId, out var vm))
        {
            throw new HypervisorException(HypervisorErrorCode.NotRunning,
                $"Cannot {operation}: VM '{vmId}' is not running ({status.State}: {status.Detail}); start it first.");
        }

        return vm;
    }

    /// <summary>Attaches to the VM's live process (adopting it if an earlier agent started it), or null when none runs.</summary>
    private async Task<QemuVm?> AttachAsync(VmRuntimePaths paths, VmRuntimeSpec spec)
    {
        if (VmProcess.ReadPid(paths.PidFile) is not { } pid || !VmProcess.IsOurs(pid, paths.PidFile))
        {
            return null;
        }

        if (_attached.TryGetValue(paths.VmId, out var stale) && stale.Pid != pid)
        {
            await DetachAsync(paths.VmId);
        }

        var vm = _attached.GetOrAdd(paths.VmId, _ => new QemuVm(paths, spec, pid, _options, _logger, _time));
        vm.StartMonitor();
        return vm;
    }

    private async Task DetachAsync(string vmId)
    {
        if (_attached.TryRemove(vmId, out var vm))
        {
            await vm.DisposeAsync();
        }
    }

    private SemaphoreSlim LockOf(string vmId) => _vmLocks.GetOrAdd(vmId, _ => new SemaphoreSlim(1, 1));
}
