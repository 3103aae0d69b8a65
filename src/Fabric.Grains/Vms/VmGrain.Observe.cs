using Fabric.Contracts.Disks;
using Fabric.Contracts.Hosts;
using Fabric.Contracts.Operations;
using Fabric.Contracts.Vms;

namespace Fabric.Grains.Vms;

/// <summary>What the host reports, and finishing (or timing out) the operation in progress.</summary>
public sealed partial class VmGrain
{
    private IGrainTimer? _operationTimer;

    /// <summary>
    /// Catches up on activation: the host forwards only changes, so a grain that was idle-collected
    /// asks for the last report; and an operation persisted as pending still gets its deadline.
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

        changed |= await ReleaseDetachedDisksAsync(observation);
        changed |= await CheckPendingAsync() is not null;
        if (changed)
        {
            await state.WriteStateAsync();
        }
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

    /// <summary>Completes the pending operation when the host's report shows it done; returns it if it ended.</summary>
    private async Task<OperationInfo?> CheckPendingAsync()
    {
        if (Record.Pending is not { } pending)
        {
            return null;
        }

        // A VM never placed has no report and is simply Stopped; counters and sizes need a report.
        var o = _observation is { } seen && seen.Epoch == Record.Epoch ? seen : null;
        var (status, detail) = VmStatusPolicy.Evaluate(Record, o, null);
        var done = pending.Kind switch
        {
            "vm.start" or "vm.resume" => status == VmStatus.Running,
            "vm.shutdown" or "vm.stop" => status is VmStatus.Stopped or VmStatus.Crashed,
            "vm.pause" => status == VmStatus.Paused,
            "vm.suspend" => status == VmStatus.Suspended,
            "vm.reset" => o?.AppliedResetCount >= pending.TargetCount && status == VmStatus.Running,
            "vm.restart" => o?.AppliedRestartCount >= pending.TargetCount && status == VmStatus.Running,
            "vm.grow-disk" => o is not null && o.DiskSizes.TryGetValue(pending.Disk!, out var size) && size >= pending.TargetSize,
            _ => false,
        };
        if (!done && o?.Error is { } error && o.ObservedAt >= Record.PendingSince)
        {
            Record.Pending = null;
            AddEvent($"{pending.Kind} failed: {error}");
            return await Operation(pending.Id).Fail($"{pending.Kind} failed on host {o.Host}: {error}");
        }

        if (!done)
        {
            await Operation(pending.Id).Report(50, detail.Length > 0 ? $"{status}: {detail}" : status.ToString());
            return null;
        }

        Record.Pending = null;
        AddEvent($"{pending.Kind} done");
        return await Operation(pending.Id).Succeed($"{pending.Kind} done: {status}{(Record.Host is null ? "" : $" on {Record.Host}")}");
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

        if (time.GetUtcNow() < pending.Deadline)
        {
            return;
        }

        Record.Pending = null;
        var seen = Describe(null);
        var message = $"{pending.Kind} did not finish by its deadline; the VM was last seen {seen.Observed} ({seen.ObservedDetail}); check host '{Record.Host}' and its agent log";
        AddEvent(message);
        await state.WriteStateAsync();
        await Operation(pending.Id).Fail(message);
    }
}
