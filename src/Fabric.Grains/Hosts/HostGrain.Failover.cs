using Fabric.Contracts.Hosts.Leases;
using Fabric.Contracts.Vms;

namespace Fabric.Grains.Hosts;

/// <summary>
/// Declaring the host dead once its lease lapsed past the margin, and handing each of its VMs the
/// failure in restart-priority order. The witness decides who declares (once per generation); this
/// grain repeats the hand-over on every call, so a failover cut short by a silo's death is finished.
/// </summary>
public sealed partial class HostGrain
{
    public async Task Fence(long generation)
    {
        var declared = await leases.FenceAsync(Name, generation, _options.FailoverMargin);
        _lease = await leases.ReadAsync(Name);
        if (_lease is not { } lease || lease.Generation != generation || !lease.IsFenced)
        {
            return; // not due, or an agent took a new lease meanwhile: the host lives
        }

        var record = state.State;
        if (record.FencedGeneration != generation)
        {
            record.FencedGeneration = generation;
            record.FencedAt = time.GetUtcNow();
            await _writes.WriteAsync();
        }

        var order = FailoverOrder.Of(record.Assignments.Values);
        if (declared)
        {
            LogFenced(logger, Name, generation, lease.Holder, DateTimeOffset.FromUnixTimeMilliseconds(lease.ExpiresAtMs), _options.FailoverMargin.TotalMilliseconds,
                order.Count(a => RestartRules.RestartsAfterHostFailure(a.Restart)), order.Count(a => !RestartRules.RestartsAfterHostFailure(a.Restart)));
        }

        foreach (var assignment in order)
        {
            try
            {
                await GrainFactory.GetGrain<IVmGrain>(assignment.Vm).HostFailed(Name, assignment.Epoch, record.FencedAt!.Value);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogFailoverCallFailed(logger, Name, assignment.Vm, ex.Message);
            }
        }
    }

    /// <summary>Notes an agent taking a new lease generation after the host was declared dead.</summary>
    private void NoteReturn(string incarnation)
    {
        if (state.State.FencedGeneration > 0 && _lease is { } lease && lease.Generation > state.State.FencedGeneration && _returnedGeneration != lease.Generation)
        {
            _returnedGeneration = lease.Generation;
            LogBackAfterFence(logger, Name, incarnation, lease.Generation);
        }
    }
}
