using Fabric.Contracts.Disks;
using Fabric.Contracts.Hosts;
using Fabric.Contracts.Operations;
using Fabric.Contracts.Vms;
using Fabric.Grains.Vms.Operations;

namespace Fabric.Grains.Vms;

/// <summary>What the host reports, and finishing (or timing out) the operation in progress.</summary>
public sealed partial class VmGrain
{
    /// <summary>
    /// Catches up on activation: the host forwards only changes, so a grain that was idle-collected
    /// asks for the last report; an operation persisted as pending still gets its deadline; and the
    /// index shard learns the summary again (it keeps summaries in memory only).
    /// </summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.RecordExists && Record.Host is { } host)
        {
            _observation = await GrainFactory.GetGrain<IHostGrain>(host).GetObservation(Name) is { } last && last.Epoch == Record.Epoch ? last : null;
        }

        if (state.RecordExists && Record.Pending is not null)
        {
            EnsureOperationTimer();
        }

        if (state.RecordExists && Record.Unplaced is not null)
        {
            ArmPlacementRetry();
        }

        PublishSummary();
        await base.OnActivateAsync(cancellationToken);
    }

    public async Task Observe(VmObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (!state.RecordExists || observation.Epoch != Record.Epoch || observation.Host != Record.Host
            || (_observation is { } last && observation.ObservedAt < last.ObservedAt))
        {
            return; // an older placement, another host, or an out-of-order report: ignore
        }

        var previous = _observation;
        _observation = observation;
        var changed = false;
        if (previous?.Status != observation.Status)
        {
            AddEvent($"{observation.Status} on {observation.Host}{(observation.Detail.Length > 0 ? $": {observation.Detail}" : "")}");
            changed = true;
        }

        foreach (var (disk, size) in observation.DiskSizes)
        {
            if (previous?.DiskSizes.TryGetValue(disk, out var before) != true || before != size)
            {
                await GrainFactory.GetGrain<IDiskGrain>(disk).SizeChanged(size);
                if (Record.WantedDiskSizes.TryGetValue(disk, out var wanted) && size >= wanted)
                {
                    Record.WantedDiskSizes.Remove(disk);
                    changed = true;
                }
            }
        }

        changed |= NoteRunningAgain(observation);
        if (StopAfterUnaskedStop(previous, observation))
        {
            changed = true;
            await TryAsync(PushAssignmentAsync); // the agent already leaves it stopped; this only aligns the assignment
        }

        changed |= await ReleaseDetachedDisksAsync(observation);
        changed |= await TrackPendingAsync() is not null;
        if (changed)
        {
            await state.WriteStateAsync();
        }

        PublishSummary();
    }

    /// <summary>
    /// A VM that stopped without being asked, and that its restart policy does not start again (the host
    /// agent leaves it stopped), is now meant to be stopped: desired state follows, as Proxmox and vSphere
    /// show a guest that powered itself off as off. True when it changed.
    /// </summary>
    private bool StopAfterUnaskedStop(VmObservation? previous, VmObservation observation)
    {
        var ranBefore = previous is { Status: VmStatus.Running or VmStatus.Paused or VmStatus.ShuttingDown } && previous.Epoch == observation.Epoch;
        var stays = observation.Status switch
        {
            VmStatus.Stopped => Record.Policy != RestartPolicy.Always,
            VmStatus.Crashed => Record.Policy == RestartPolicy.Never,
            _ => false,
        };
        if (!ranBefore || !stays || Record.Pending is not null || Record.Desired is not (PowerState.Running or PowerState.Paused))
        {
            return false;
        }

        Record.Desired = PowerState.Stopped;
        AddEvent($"{(observation.Status == VmStatus.Crashed ? "crashed" : "the guest powered off")}; restart policy {Record.Policy} leaves it stopped");
        return true;
    }

    /// <summary>Frees disks whose detach the host has carried out (no longer reported), or whose VM stopped.</summary>
    private async Task<bool> ReleaseDetachedDisksAsync(VmObservation o)
    {
        var stopped = o.Status is VmStatus.Stopped or VmStatus.Crashed;
        var released = Record.PendingDetach.Where(d => stopped || (o.Status is VmStatus.Running or VmStatus.Paused && !o.DiskSizes.ContainsKey(d))).ToList();
        foreach (var disk in released)
        {
            await GrainFactory.GetGrain<IDiskGrain>(disk).Detach(Name);
            Record.PendingDetach.Remove(disk);
            AddEvent($"disk {disk} detached");
        }

        return released.Count > 0;
    }

    /// <summary>Ends the pending operation when the host's report shows it done or failed; returns it if it ended.</summary>
    private async Task<OperationInfo?> TrackPendingAsync()
    {
        if (Record.Pending is not { } pending)
        {
            return null;
        }

        var step = OperationTracker.Track(pending, Progress(out var detail), detail, Record.PendingSince, Record.Host);
        if (!step.Ended)
        {
            await Operation(pending.Id).Report(50, step.Message);
            return null;
        }

        return await EndPendingAsync(pending, step);
    }

    private async Task<OperationInfo> EndPendingAsync(VmOperation pending, OperationStep step)
    {
        Record.Pending = null;
        AddEvent(step.Event);
        var operation = Operation(pending.Id);
        return step.Kind == OperationStepKind.Succeeded ? await operation.Succeed(step.Message) : await operation.Fail(step.Message);
    }

    private void EnsureOperationTimer()
    {
        _operationTimer ??= this.RegisterGrainTimer(CheckDeadlineAsync, new GrainTimerCreationOptions(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)) { KeepAlive = true });
    }

    /// <summary>Fails an operation the host did not finish in time, saying what the VM was last seen doing.</summary>
    private async Task CheckDeadlineAsync(CancellationToken cancellationToken)
    {
        if (Record.Pending is not { } pending)
        {
            _operationTimer?.Dispose();
            _operationTimer = null;
            return;
        }

        if (Record.Unplaced is not null)
        {
            return; // a Pending VM's operation waits with it: its time starts once a host takes the VM
        }

        var seen = Summarize(null);
        if (OperationTracker.CheckDeadline(pending, time.GetUtcNow(), seen.Observed, seen.ObservedDetail, Record.Host) is { } expired)
        {
            await EndPendingAsync(pending, expired);
            await state.WriteStateAsync();
            PublishSummary();
        }
    }
}
