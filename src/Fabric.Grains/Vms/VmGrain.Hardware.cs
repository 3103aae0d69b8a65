using Fabric.Contracts.Disks;
using Fabric.Contracts.Images;
using Fabric.Contracts.Operations;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Fabric.Grains.Operations;
using Fabric.Grains.Vms.Hardware;
using Fabric.Grains.Vms.Operations;
using Fabric.Grains.Vms.Power;

namespace Fabric.Grains.Vms;

/// <summary>
/// Hardware after creation: <see cref="HardwarePlanner"/> decides, the grain claims what the change
/// needs (a MAC, an ISO, a disk), commits and pushes it to the host, and puts everything back when
/// the host refuses.
/// </summary>
public sealed partial class VmGrain
{
    private bool IsStopped => Record.Desired == PowerState.Stopped && Summarize(null).Observed is VmStatus.Stopped or VmStatus.Crashed;

    public async Task<VmInfo> ChangeHardware(HardwareChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        ThrowIfMissing();
        var before = Record.Hardware;
        var stopped = IsStopped;
        var after = HardwarePlanner.PlanChange(Name, before, stopped, change);
        var undo = new Undo();
        try
        {
            if (change.AddNic is { } nic)
            {
                after = after with { Nics = [.. after.Nics, await ClaimNicAsync(HardwarePlanner.NextNicId(after.Nics), nic, "addNic.mac", undo)] };
            }

            after = after with { Iso = await UseIsoAsync(before.Iso, change, undo) };
            Record.Hardware = after;
            await CommitHardwareAsync(before, HardwareChangeDescriber.Describe(change, after, stopped));
        }
        catch
        {
            await undo.RunAsync();
            throw;
        }

        // Only once the change holds: what the old hardware used is given back.
        if (before.Iso is { } oldIso && oldIso != after.Iso)
        {
            await GrainFactory.GetGrain<IImageLibraryGrain>(IImageLibraryGrain.Key).Release(oldIso, Name);
        }

        await ReleaseMacsAsync(before.Nics, [.. after.Nics.Select(n => n.Mac)]);
        return Describe(null);
    }

    public async Task<VmInfo> AttachDisk(string disk, DiskBus bus)
    {
        ThrowIfMissing();
        var before = Record.Hardware;
        var after = HardwarePlanner.PlanAttach(Name, before, disk, bus);
        var grain = GrainFactory.GetGrain<IDiskGrain>(disk);
        _ = await grain.Get() ?? throw FabricException.NotFound("disk", disk, "list disks with 'fabric disk list'");
        await grain.Attach(Name);
        Record.Hardware = after;
        try
        {
            await CommitHardwareAsync(before, $"disk {disk} attached on {bus}{(after.ScsiControllers > before.ScsiControllers ? " (SCSI controller added)" : "")}");
        }
        catch
        {
            await grain.Detach(Name);
            throw;
        }

        return Describe(null);
    }

    public async Task<VmInfo> DetachDisk(string disk)
    {
        ThrowIfMissing();
        var before = Record.Hardware;
        Record.Hardware = HardwarePlanner.PlanDetach(Name, before, disk);
        var running = !IsStopped;
        if (running)
        {
            // The disk stays marked attached until the host reports QEMU let go of it: until then a
            // delete or an attach elsewhere would pull the image from under a writing guest.
            Record.PendingDetach.Add(disk);
        }

        try
        {
            await CommitHardwareAsync(before, running ? $"disk {disk} detaching (released once the host confirms)" : $"disk {disk} detached");
        }
        catch
        {
            Record.PendingDetach.Remove(disk);
            throw;
        }

        if (!running)
        {
            await GrainFactory.GetGrain<IDiskGrain>(disk).Detach(Name);
        }

        return Describe(null);
    }

    public async Task<OperationInfo> GrowDisk(string disk, long newSizeBytes)
    {
        ThrowIfMissing();
        if (Record.Hardware.Disks.All(d => d.Disk != disk))
        {
            throw FabricException.NotFound("disk", disk, $"it is not attached to VM '{Name}'");
        }

        var grain = GrainFactory.GetGrain<IDiskGrain>(disk);
        var info = await grain.Get() ?? throw FabricException.NotFound("disk", disk, "list disks with 'fabric disk list'");
        if (IsStopped)
        {
            var operation = await Operation(OperationIds.New()).Begin(GrowDiskOperation.Name, $"vm/{Name}", $"growing disk {disk} offline");
            var grown = await grain.Grow(newSizeBytes, Name);
            AddEvent($"disk {disk} grown to {Sizes.Describe(grown.VirtualSizeBytes)} (offline)");
            await state.WriteStateAsync();
            return await Operation(operation.Id).Succeed($"disk {disk} is {Sizes.Describe(grown.VirtualSizeBytes)}");
        }

        var observed = Summarize(null).Observed;
        if (observed != VmStatus.Running)
        {
            throw FabricException.Conflict("vm", $"VM '{Name}' is {observed}; grow its disk when it is Running (online) or Stopped (offline)");
        }

        HardwarePlanner.CheckOnlineGrow(disk, info.VirtualSizeBytes, newSizeBytes);
        Record.WantedDiskSizes[disk] = newSizeBytes;
        var pending = new GrowDiskOperation(OperationIds.New(), time.GetUtcNow() + PowerPlanner.StartDeadline, disk, newSizeBytes);
        return await BeginAsync(pending, $"growing disk {disk} online to {Sizes.Describe(newSizeBytes)}", placeIfNeeded: false,
            () => Record.WantedDiskSizes.Remove(disk));
    }

    /// <summary>Saves new hardware and pushes it to the host; if the host refuses, puts the old hardware back.</summary>
    private async Task CommitHardwareAsync(VmHardware before, string message)
    {
        try
        {
            await PushAssignmentAsync();
        }
        catch
        {
            Record.Hardware = before;
            throw;
        }

        AddEvent(message);
        await state.WriteStateAsync();
        PublishSummary();
    }

    /// <summary>The ISO after the change: a newly inserted one is checked and marked in use (undone if the change fails).</summary>
    private async Task<string?> UseIsoAsync(string? current, HardwareChange change, Undo undo)
    {
        if (change.InsertIso is not { } iso)
        {
            return change.EjectIso ? null : current;
        }

        var library = GrainFactory.GetGrain<IImageLibraryGrain>(IImageLibraryGrain.Key);
        var image = await library.Get(iso);
        if (image?.Kind != ImageKind.Iso)
        {
            throw FabricException.Invalid("insertIso", image is null ? $"no image named '{iso}'" : $"image '{iso}' is not an ISO");
        }

        if (iso != current)
        {
            await library.Use(iso, Name);
            undo.Add(() => library.Release(iso, Name));
        }

        return iso;
    }
}
