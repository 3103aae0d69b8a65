using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Fabric.Grains.Vms.Placement;

namespace Fabric.Grains.Vms;

/// <summary>
/// Pending: a VM that should run but that no host can take yet is kept, with every host's reason, and
/// placement is tried again every <see cref="PlacementRetryEvery"/> until a host joins, frees room or
/// leaves maintenance. OpenStack's "No valid host was found" drops the request; this never does.
/// </summary>
public sealed partial class VmGrain
{
    private static readonly TimeSpan PlacementRetryEvery = TimeSpan.FromSeconds(2);

    /// <summary>Tries placement again while the VM is Pending.</summary>
    private IGrainTimer? _placementRetry;

    /// <summary>Notes why the VM waits (an event the first time or when the reason changes) and keeps trying.</summary>
    private void WaitForPlacement(string reason)
    {
        if (Record.Unplaced?.Reason != reason)
        {
            AddEvent(Record.Unplaced is null ? $"pending: {reason}; placed as soon as a host can take it" : $"still pending: {reason}");
            LogPending(logger, Name, reason);
        }

        Record.Unplaced = new PlacementWait(Record.Unplaced?.Since ?? time.GetUtcNow(), reason);
        ArmPlacementRetry();
    }

    private void ArmPlacementRetry() =>
        _placementRetry ??= this.RegisterGrainTimer(RetryPlacementAsync, new GrainTimerCreationOptions(PlacementRetryEvery, PlacementRetryEvery) { KeepAlive = true });

    private async Task RetryPlacementAsync(CancellationToken cancellationToken)
    {
        if (Record.Unplaced is not { } wait || Record.Desired == PowerState.Stopped)
        {
            var changed = Record.Unplaced is not null;
            Record.Unplaced = null;
            _placementRetry?.Dispose();
            _placementRetry = null;
            if (changed)
            {
                await state.WriteStateAsync();
                PublishSummary();
            }

            return;
        }

        string? noHost;
        try
        {
            noHost = await TryPlaceAsync();
        }
        catch (FabricException ex) when (ex.Kind is FabricErrorKind.Unavailable or FabricErrorKind.Conflict)
        {
            noHost = string.Join("; ", ex.Problems.Select(p => p.Message)); // e.g. it may still run on a host that is away
        }

        if (noHost is not null)
        {
            if (noHost != wait.Reason)
            {
                WaitForPlacement(noHost);
                await state.WriteStateAsync();
                PublishSummary();
            }

            return;
        }

        var waited = time.GetUtcNow() - wait.Since;
        Record.Unplaced = null;
        _placementRetry?.Dispose();
        _placementRetry = null;
        AddEvent($"no longer pending: placed on host {Record.Host} after waiting {waited.TotalSeconds:0} s");
        if (Record.Pending is { } pending)
        {
            // The operation's time to finish starts now that a host has it, not when it was asked for.
            Record.Pending = pending with { Deadline = time.GetUtcNow() + (pending.Deadline - Record.PendingSince) };
            Record.PendingSince = time.GetUtcNow();
        }

        await state.WriteStateAsync();
        await TrackPendingAsync();
        PublishSummary();
    }
}
