using Fabric.Contracts.Hosts;
using Fabric.Contracts.Vms;
using Fabric.HostAgent.Heartbeat;
using Fabric.Hypervisor;

namespace Fabric.HostAgent.Reconcile;

/// <summary>
/// Keeps one <see cref="VmWorker"/> per VM that is assigned here or found running here. Each
/// heartbeat reply updates their desired state; each heartbeat carries their observations, and a
/// worker whose VM changed state nudges the next heartbeat to go at once.
/// </summary>
public sealed class VmReconciler(
    IHypervisor hypervisor,
    AssignmentTranslator translator,
    AppliedVmStore store,
    PoolPaths paths,
    HeartbeatTrigger heartbeat,
    TimeProvider time,
    ILogger<VmWorker> workerLogger) : IAsyncDisposable
{
    private readonly Dictionary<string, VmWorker> _workers = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    /// <summary>How often the driver is asked what runs here besides the VMs with workers.</summary>
    private static readonly TimeSpan Rescan = TimeSpan.FromSeconds(30);
    private DateTimeOffset _scannedAt = DateTimeOffset.MinValue;

    /// <summary>Hands every VM its assignment; VMs running here without one get a worker that stops them.</summary>
    public async Task ApplyAsync(IReadOnlyList<VmAssignment> assignments, CancellationToken cancellationToken)
    {
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
                    _workers[vm] = new VmWorker(vm, assignment, hypervisor, translator, store, paths, heartbeat.Nudge, time, workerLogger);
                }
            }

            foreach (var (vm, worker) in _workers.Where(w => !byVm.ContainsKey(w.Key)))
            {
                worker.Update(null);
            }

            finished = [.. _workers.Values.Where(w => w.Finished)];
            finished.ForEach(w => _workers.Remove(w.Vm));
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
