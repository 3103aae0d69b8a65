using Fabric.Contracts.Disks;
using Fabric.Contracts.Hosts;
using Fabric.Contracts.Images;
using Fabric.Contracts.Inventory;
using Fabric.Contracts.Operations;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Fabric.Grains.Placement;
using Fabric.Grains.Vms.Hardware;
using Fabric.Grains.Vms.Operations;
using Fabric.Grains.Vms.Power;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fabric.Grains.Vms;

/// <summary>
/// One VM: desired hardware and power, placement and epoch, the event trail and the operation in
/// progress. It orchestrates: plain classes decide (<see cref="PowerPlanner"/>,
/// <see cref="HardwarePlanner"/>, <see cref="OperationTracker"/>, <see cref="HostSelector"/>), the grain changes desired state, pushes the assignment to
/// its host and keeps its index shard's summary current. The host agent makes it real and reports
/// back through <see cref="Observe"/>. The partial files hold one concern each and no fields.
/// </summary>
[GrainType("vm")]
public sealed partial class VmGrain(
    [PersistentState("vm", GrainStorageNames.Default)] IPersistentState<VmRecord> state,
    [FromKeyedServices(FabricTime.Key)] TimeProvider time,
    HostView hosts,
    HostSelector selector,
    ILogger<VmGrain> logger) : Grain, IVmGrain
{
    private const int MaxEvents = 100;

    /// <summary>The host's last report at the current epoch (reports are not stored: the host sends them again).</summary>
    private VmObservation? _observation;

    /// <summary>Checks the pending operation's deadline while one is pending.</summary>
    private IGrainTimer? _operationTimer;

    /// <summary>Tries the restart again while a failover finds no host (see VmGrain.Failover).</summary>
    private IGrainTimer? _failoverRetry;

    /// <summary>The summary last pushed to the index shard, so unchanged summaries are not sent again.</summary>
    private VmInfo? _published;

    private string Name => this.GetPrimaryKeyString();

    private VmRecord Record => state.State;

    private IVmIndexGrain Index => GrainFactory.GetGrain<IVmIndexGrain>(IndexShards.For(Name));

    public async Task<VmInfo?> Get()
    {
        if (!state.RecordExists)
        {
            return null;
        }

        var hostState = Record.Host is { } host && Record.Desired != PowerState.Stopped
            ? (await GrainFactory.GetGrain<IHostGrain>(host).GetInfo())?.State
            : null;
        return Describe(hostState);
    }

    public async Task Delete(bool deleteDisks)
    {
        ThrowIfMissing();
        if (Record.Desired != PowerState.Stopped || _observation?.Status is VmStatus.Running or VmStatus.Paused or VmStatus.Starting or VmStatus.ShuttingDown)
        {
            throw FabricException.Conflict("vm", $"VM '{Name}' is not stopped (desired {Record.Desired}, observed {_observation?.Status.ToString() ?? "nothing yet"}); stop it first");
        }

        if (Record.Host is { } host)
        {
            await GrainFactory.GetGrain<IHostGrain>(host).Unassign(Name);
        }

        if (Record.Hardware.Iso is { } iso)
        {
            await GrainFactory.GetGrain<IImageLibraryGrain>(IImageLibraryGrain.Key).Release(iso, Name);
        }

        foreach (var disk in Record.Hardware.Disks)
        {
            var grain = GrainFactory.GetGrain<IDiskGrain>(disk.Disk);
            await grain.Detach(Name);
            if (deleteDisks)
            {
                await grain.Delete();
            }
        }

        await ReleaseMacsAsync(Record.Hardware.Nics, keep: []);
        await Index.Remove(Name);
        if (Record.Pending is { } pending)
        {
            await Operation(pending.Id).Fail($"VM '{Name}' was deleted");
        }

        await state.ClearStateAsync();
        state.State = new VmRecord();
        (_observation, _published) = (null, null);
        LogDeleted(logger, Name, deleteDisks);
        DeactivateOnIdle();
    }

    private void ThrowIfMissing()
    {
        if (!state.RecordExists)
        {
            throw FabricException.NotFound("vm", Name, "list VMs with 'fabric vm list'");
        }
    }

    private void AddEvent(string message)
    {
        Record.Events.Add(new VmEvent(time.GetUtcNow(), message));
        if (Record.Events.Count > MaxEvents)
        {
            Record.Events.RemoveRange(0, Record.Events.Count - MaxEvents);
        }
    }

    private VmInfo Describe(HostState? hostState) => Summarize(hostState) with { Events = [.. Record.Events.TakeLast(20)] };

    /// <summary>The VM without its event trail: what the index shard lists.</summary>
    private VmInfo Summarize(HostState? hostState)
    {
        var (status, detail) = VmStatusPolicy.Evaluate(Record, _observation, hostState);
        return new VmInfo
        {
            Name = Name,
            Hardware = Record.Hardware,
            Desired = Record.Desired,
            Observed = status,
            ObservedDetail = detail,
            Host = Record.Host,
            Epoch = Record.Epoch,
            HaRestart = Record.Policy != RestartPolicy.Never,
            Restart = Record.Policy,
            RestartPriority = Record.RestartPriority,
            Guest = status is VmStatus.Running or VmStatus.Paused ? _observation?.Guest : null,
            CreatedAt = Record.CreatedAt,
            Events = [],
        };
    }

    /// <summary>Where the VM stands for its pending operation: its status, and its host's report at the current epoch.</summary>
    private VmProgress Progress(out string detail)
    {
        // A VM never placed has no report and is simply Stopped; counters and sizes need a report.
        var report = _observation is { } seen && seen.Epoch == Record.Epoch ? seen : null;
        (var status, detail) = VmStatusPolicy.Evaluate(Record, report, null);
        return new VmProgress(status, report);
    }

    /// <summary>Sends the index shard this VM's summary when it changed (one-way: listing is never on this VM's path).</summary>
    private void PublishSummary()
    {
        if (!state.RecordExists)
        {
            return;
        }

        var summary = Summarize(null);
        if (summary == _published)
        {
            return;
        }

        _published = summary;
        _ = Index.Update(summary);
    }

    private IOperationGrain Operation(string id) => GrainFactory.GetGrain<IOperationGrain>(id);
}
