using Fabric.Contracts.Hosts;
using Fabric.Contracts.Vms;
using Fabric.HostAgent.Fencing;
using Fabric.HostAgent.Heartbeat;
using Fabric.Hypervisor;

namespace Fabric.HostAgent.Reconcile;

/// <summary>
/// Keeps one <see cref="VmWorker"/> per VM that is assigned here or found running here. Each
/// heartbeat reply updates their desired state; each heartbeat carries their observations, and a
/// worker whose VM changed state nudges the next heartbeat to go at once. Nothing is applied, and no
/// worker acts, unless the <see cref="LeaseGate"/> says this agent holds the host's lease.
/// </summary>
public sealed class VmReconciler(
    IHypervisor hypervisor,
    AssignmentTranslator translator,
    AppliedVmStore store,
    PoolPaths paths,
    HeartbeatTrigger heartbeat,
    LeaseGate lease,
    TimeProvider time,
    ILogger<VmWorker> workerLogger) : IAsyncDisposable
{
    private readonly Dictionary<string, VmWorker> _workers = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    /// <summary>How often the driver is asked what runs here besides the VMs with workers.</summary>
    private static readonly TimeSpan Rescan = TimeSpan.FromSeconds(30);
    private DateTimeOffset _scannedAt = DateTimeOffset.MinValue;

    /// <summary>True once assignments were applied since the start or the last <see cref="DropAllAsync"/>: the workers know which VMs are HA.</summary>
    public bool HasApplied { get; private set; }

    /// <summary>Hands every VM its assignment; VMs running here without one get a worker that stops them. Does nothing without the lease.</summary>
    public async Task ApplyAsync(IReadOnlyList<VmAssignment> assignments, CancellationToken cancellationToken)
    {
        if (!lease.IsHeld)
        {
            return;
        }

        var byVm = assignments.ToDictionary(a => a.Vm, a => (VmAssignment?)a, StringComparer.Ordinal);
        if (time.GetUtcNow() - _scannedAt >= Rescan)
        {
            // On the first reply after start, and now and then after: adopt what runs here (QEMU
            // outlives the agent), so an unassigned leftover is found and stopped, and an assigned one
            // is neither restarted nor lost.
            foreach (var running in await hypervisor.ListAsync(cancellationToken))
            {
                byVm.TryAdd(running.VmId, null);
            }

            _scannedAt = time.GetUtcNow();
        }

        List<VmWorker> finished;
        lock (_gate)
        {
            foreach (var (vm, assignment) in byVm)
            {
                if (_workers.TryGetValue(vm, out var worker) && !worker.Finished)
                {
                    worker.Update(assignment);
                }
                else
                {
                    _workers[vm] = new VmWorker(vm, assignment, hypervisor, translator, store, paths, heartbeat.Nudge, () => lease.IsHeld, time, workerLogger);
                }
            }

            foreach (var (vm, worker) in _workers.Where(w => !byVm.ContainsKey(w.Key)))
            {
                worker.Update(null);
            }

            finished = [.. _workers.Values.Where(w => w.Finished)];
            finished.ForEach(w => _workers.Remove(w.Vm));
            HasApplied = true;
        }

        foreach (var worker in finished)
        {
            await worker.DisposeAsync();
        }
    }

    public IReadOnlyList<VmObservation> Observations()
    {
        lock (_gate)
        {
            return [.. _workers.Values.Where(w => !w.Finished).Select(w => w.Observation)];
        }
    }

    /// <summary>The VMs assigned here whose restart policy is not Never: the ones a fence kills.</summary>
    public IReadOnlyList<HaVm> HaVms()
    {
        lock (_gate)
        {
            return [.. _workers.Values.Where(w => w.IsHighlyAvailable).Select(w => new HaVm(w.Vm, w.Process))];
        }
    }

    /// <summary>
    /// Stops every worker (after a fence): nothing is driven until the lease is won again, when the
    /// next reply rescans the host and re-adopts what still runs, as after an agent restart.
    /// </summary>
    public async Task DropAllAsync()
    {
        List<VmWorker> workers;
        lock (_gate)
        {
            workers = [.. _workers.Values];
            _workers.Clear();
            _scannedAt = DateTimeOffset.MinValue;
            HasApplied = false;
        }

        foreach (var worker in workers)
        {
            await worker.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<VmWorker> workers;
        lock (_gate)
        {
            workers = [.. _workers.Values];
            _workers.Clear();
        }

        foreach (var worker in workers)
        {
            await worker.DisposeAsync();
        }
    }
}
