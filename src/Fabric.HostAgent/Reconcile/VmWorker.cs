using Fabric.Contracts.Hosts;
using Fabric.Contracts.Vms;
using Fabric.HostAgent.Fencing;
using Fabric.Hypervisor;

namespace Fabric.HostAgent.Reconcile;

/// <summary>
/// Drives one VM towards its assignment, one step at a time, level-triggered: every pass looks at
/// what the driver reports and what was applied, does the next thing, and records it. A new
/// assignment wakes it; otherwise it looks again every few seconds (guest agent, crashes).
/// </summary>
public sealed partial class VmWorker : IAsyncDisposable
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Backoff = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan GuestRefresh = TimeSpan.FromSeconds(15);

    private readonly IHypervisor _hypervisor;
    private readonly AssignmentTranslator _translator;
    private readonly AppliedVmStore _store;
    private readonly PoolPaths _paths;
    private readonly Action _observationChanged;
    private readonly Func<bool> _mayDrive;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private VmAssignment? _desired;
    private AppliedVm? _applied;
    private bool _guestReady;
    private GuestInfo? _guest;
    private DateTimeOffset _guestCheckedAt;
    private string? _error;
    private string? _leftDown;

    /// <param name="mayDrive">Asked before every step: false while the host's lease is not held, when the worker only observes.</param>
    public VmWorker(string vm, VmAssignment? desired, IHypervisor hypervisor, AssignmentTranslator translator, AppliedVmStore store,
        PoolPaths paths, Action observationChanged, Func<bool> mayDrive, TimeProvider time, ILogger logger)
    {
        Vm = vm;
        (_desired, _hypervisor, _translator, _store, _paths, _time, _logger) = (desired, hypervisor, translator, store, paths, time, logger);
        (_observationChanged, _mayDrive) = (observationChanged, mayDrive);
        _applied = store.Load(vm);
        Observation = new VmObservation { Vm = vm, Epoch = desired?.Epoch ?? 0, Status = VmStatus.Starting, Detail = "looking" };
        _loop = Task.Run(RunAsync);
    }

    public string Vm { get; }

    /// <summary>The latest observation, sent with every heartbeat (a change of state also nudges one at once).</summary>
    public VmObservation Observation { get; private set; }

    /// <summary>True when the VM's assignment asks for restarts (policy other than Never): the host fences it.</summary>
    public bool IsHighlyAvailable => _desired is { Restart: not RestartPolicy.Never };

    /// <summary>The VM's QEMU process as last seen, or null when none runs (or the driver has no processes).</summary>
    public FencedProcess? Process { get; private set; }

    /// <summary>True once the VM is unassigned and no longer runs here: the worker is done.</summary>
    public bool Finished => _loop.IsCompleted;

    /// <summary>
    /// Takes the assignment of the latest heartbeat reply. Every reply repeats every assignment, so
    /// the worker is woken only for one the cluster changed (another revision or epoch, or a
    /// different presence); the rest it re-checks at its own pace. A wake pending is a flag, not a queue.
    /// </summary>
    public void Update(VmAssignment? desired)
    {
        var unchanged = desired is not null && _desired is { } current
            && desired.Revision != 0 && desired.Revision == current.Revision && desired.Epoch == current.Epoch;
        _desired = desired;
        if (!unchanged && _wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        _wake.Dispose();
    }

    private async Task RunAsync()
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            var pause = Idle;
            try
            {
                var status = await _hypervisor.GetStatusAsync(Vm, token);
                Track(status);
                if (_desired is null && !IsProcessAlive(status))
                {
                    _store.Delete(Vm);
                    return;
                }

                var acted = _mayDrive() && await StepAsync(_desired, status, token);
                if (acted)
                {
                    _error = null;
                    status = await _hypervisor.GetStatusAsync(Vm, token);
                    Track(status);
                    pause = TimeSpan.Zero;
                }

                await ObserveAsync(status, token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Whatever failed (QMP, the guest agent's JSON, the file system), report it and try again: a worker that died would leave its VM unmanaged.
                _error = $"{_time.GetUtcNow():HH:mm:ss}: {ex.Message}";
                LogStepFailed(_logger, Vm, ex.Message);
                var firstFailure = Observation.Error is null;
                Observation = Observation with { Error = _error };
                if (firstFailure)
                {
                    _observationChanged();
                }

                pause = Backoff;
            }

            if (pause > TimeSpan.Zero)
            {
                await WaitAsync(pause, token);
            }
        }
    }

    /// <summary>Sleeps until woken by a new assignment, the pause ends, or the worker stops.</summary>
    private async Task WaitAsync(TimeSpan pause, CancellationToken token)
    {
        using var timeout = new CancellationTokenSource(pause, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, token);
        try
        {
            await _wake.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            // Timed out or stopping: either way, look again (the loop checks for stopping).
        }
    }

    /// <summary>Remembers the VM's process, reading its start time once per new pid.</summary>
    private void Track(VmRuntimeStatus? status)
    {
        if (!IsProcessAlive(status) || status!.ProcessId is not { } pid)
        {
            Process = null;
        }
        else if (Process?.Pid != pid)
        {
            Process = ProcessStartTime.Read(pid) is { } started ? new FencedProcess(Vm, pid, started) : null;
        }
    }

    /// <summary>
    /// A QEMU process exists for the VM, whatever its run state (a guest in S3 sleep or in QEMU's
    /// internal-error state is still a process holding the disk): only a VM the driver saw end is not alive.
    /// </summary>
    private static bool IsProcessAlive(VmRuntimeStatus? status) =>
        status is { ExitReason: null } && status.State != VmRunState.Stopped;
}
