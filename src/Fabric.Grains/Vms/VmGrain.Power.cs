using Fabric.Contracts.Hosts;
using Fabric.Contracts.Operations;
using Fabric.Contracts.Vms;
using Fabric.Grains.Operations;
using Fabric.Grains.Vms.Operations;
using Fabric.Grains.Vms.Power;
using Orleans.Storage;

namespace Fabric.Grains.Vms;

/// <summary>Power actions: the planner decides the new desired state; the grain places the VM if needed, pushes it and tracks the operation.</summary>
public sealed partial class VmGrain
{
    public async Task<OperationInfo> Power(PowerAction action, TimeSpan? shutdownTimeout)
    {
        ThrowIfMissing();
        var before = Record.Power;
        var plan = PowerPlanner.Plan(action, before, Summarize(null).Observed, shutdownTimeout, OperationIds.New(), time.GetUtcNow());
        Record.Power = plan.Desired;
        return await BeginAsync(plan.Operation, plan.Message, plan.NeedsHost, () => Record.Power = before);
    }

    /// <summary>Supersedes any operation in flight, places the VM if it needs a host, pushes the assignment and starts tracking.</summary>
    private async Task<OperationInfo> BeginAsync(VmOperation pending, string message, bool placeIfNeeded, Action restore)
    {
        if (Record.Pending is { } previous)
        {
            await Operation(previous.Id).Fail($"superseded by {pending.Kind}");
        }

        var operation = await Operation(pending.Id).Begin(pending.Kind, $"vm/{Name}", message);
        var placedBefore = (Record.Host, Record.Epoch);
        Record.Pending = pending;
        Record.PendingSince = time.GetUtcNow();
        if (Record.Desired == PowerState.Stopped)
        {
            Record.Unplaced = null; // no longer wanted running: nothing to wait for
        }

        AddEvent(message);
        try
        {
            if (placeIfNeeded)
            {
                if (await TryPlaceAsync() is { } noHost)
                {
                    // No host can take it yet: accepted as Pending with every host's reason, placed as soon as one can.
                    WaitForPlacement(noHost);
                    await state.WriteStateAsync();
                    PublishSummary();
                    await Operation(pending.Id).Report(0, $"pending: {noHost}");
                    return await Operation(pending.Id).Get() ?? operation;
                }

                Record.Unplaced = null;
            }
            else
            {
                await PushAssignmentAsync();
            }
        }
        catch (Exception ex)
        {
            // Refused or failed: the desired state goes back to what it was, so nothing changed but the trail.
            restore();
            Record.Pending = null;
            AddEvent($"{pending.Kind} refused: {ex.Message}");
            await state.WriteStateAsync();
            await Operation(pending.Id).Fail(ex.Message);
            throw;
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch (InconsistentStateException ex)
        {
            await TakeBackAsync(placedBefore, restore);
            await Operation(pending.Id).Fail($"VM '{Name}' was changed elsewhere at the same time; read it again and retry ({ex.Message})");
            throw;
        }

        EnsureOperationTimer();
        var ended = await TrackPendingAsync();
        if (ended is not null)
        {
            await state.WriteStateAsync();
        }

        PublishSummary();
        return ended ?? operation;
    }

    /// <summary>
    /// The record could not be stored because another activation of this VM stored it first (Orleans
    /// then replaces this activation). What this call told a host is taken back, so no host runs
    /// something no stored record knows of: a new placement is unassigned, a kept host gets the
    /// previous desired state again.
    /// </summary>
    private async Task TakeBackAsync((string? Host, long Epoch) placedBefore, Action restore)
    {
        var placedNow = Record.Host;
        restore();
        Record.Pending = null;
        (Record.Host, Record.Epoch) = placedBefore;
        if (placedNow is not null && placedNow != placedBefore.Host)
        {
            await TryAsync(() => GrainFactory.GetGrain<IHostGrain>(placedNow).Unassign(Name));
        }
        else
        {
            await TryAsync(PushAssignmentAsync);
        }
    }
}
