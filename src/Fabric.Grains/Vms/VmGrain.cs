using Fabric.Contracts.Hosts;
using Fabric.Contracts.Images;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fabric.Grains.Vms;

/// <summary>
/// One VM: desired hardware and power, placement and epoch, the event trail and the operation in
/// progress. It changes desired state and pushes the assignment to its host; the host agent makes
/// it real and reports back through <see cref="Observe"/>.
/// </summary>
[GrainType("vm")]
public sealed partial class VmGrain(
    [PersistentState("vm", GrainStorageNames.Default)] IPersistentState<VmRecord> state,
    [FromKeyedServices(FabricTime.Key)] TimeProvider time,
    ILogger<VmGrain> logger) : Grain, IVmGrain
{
    private const int MaxEvents = 100;
    private VmObservation? _observation;

    private string Name => this.GetPrimaryKeyString();

    private VmRecord Record => state.State;

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
            var grain = GrainFactory.GetGrain<Contracts.Disks.IDiskGrain>(disk.Disk);
            await grain.Detach(Name);
            if (deleteDisks)
            {
                await grain.Delete();
            }
        }

        await GrainFactory.GetGrain<IVmCatalogGrain>(IVmCatalogGrain.Key).Remove(Name);
        if (Record.Pending is { } pending)
        {
            await Operation(pending.Id).Fail($"VM '{Name}' was deleted");
        }

        await state.ClearStateAsync();
        _observation = null;
        LogDeleted(logger, Name, deleteDisks);
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

    private VmInfo Describe(HostState? hostState)
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
            HaRestart = Record.HaRestart,
            Guest = status is VmStatus.Running or VmStatus.Paused ? _observation?.Guest : null,
            CreatedAt = Record.CreatedAt,
            Events = [.. Record.Events.TakeLast(20)],
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "VM {Vm} created on behalf of a user: {VCpus} vCPUs, {MemoryMiB} MiB, {Disks} disk(s)")]
    private static partial void LogCreated(ILogger logger, string vm, int vCpus, int memoryMiB, int disks);

    [LoggerMessage(Level = LogLevel.Information, Message = "VM {Vm} deleted (disks deleted too: {DeleteDisks})")]
    private static partial void LogDeleted(ILogger logger, string vm, bool deleteDisks);

    [LoggerMessage(Level = LogLevel.Information, Message = "VM {Vm} placed on host {Host} at epoch {Epoch}")]
    private static partial void LogPlaced(ILogger logger, string vm, string host, long epoch);
}
