using Fabric.Contracts.Disks;
using Fabric.Contracts.Operations;
using Fabric.Contracts.Tasks;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Fabric.Grains.Disks;
using Fabric.Grains.Operations;

namespace Fabric.Grains.Vms;

/// <summary>Disks of a VM: attach and detach (hot when running), grow (online when running).</summary>
public sealed partial class VmGrain
{
    public async Task<VmInfo> AttachDisk(string disk, DiskBus bus)
    {
        ThrowIfMissing();
        var hw = Record.Hardware;
        if (hw.Profile == DeviceProfile.Emulated && bus is DiskBus.Virtio or DiskBus.Scsi)
        {
            throw FabricException.Invalid("bus", $"VM '{Name}' uses the emulated profile; {bus} disks need the paravirtual profile");
        }

        if (hw.Disks.Any(d => d.Disk == disk))
        {
            throw FabricException.Conflict("disk", $"disk '{disk}' is already attached to VM '{Name}'");
        }

        if (hw.Disks.Count >= Limits.MaxDisks)
        {
            throw FabricException.Conflict("disk", $"VM '{Name}' already has {Limits.MaxDisks} disks");
        }

        var grain = GrainFactory.GetGrain<IDiskGrain>(disk);
        _ = await grain.Get() ?? throw FabricException.NotFound("disk", disk, "list disks with 'fabric disk list'");
        await grain.Attach(Name);
        var before = hw;
        Record.Hardware = hw with
        {
            Disks = [.. hw.Disks, new VmDiskAttachment(disk, bus)],
            ScsiControllers = bus == DiskBus.Scsi && hw.ScsiControllers == 0 ? 1 : hw.ScsiControllers,
        };
        try
        {
            await CommitHardwareAsync(before, $"disk {disk} attached on {bus}{(Record.Hardware.ScsiControllers > before.ScsiControllers ? " (SCSI controller added)" : "")}");
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
        var hw = Record.Hardware;
        if (hw.Disks.All(d => d.Disk != disk))
        {
            throw FabricException.NotFound("disk", disk, $"VM '{Name}' has {(hw.Disks.Count == 0 ? "no disks" : string.Join(", ", hw.Disks.Select(d => d.Disk)))}");
        }

        Record.Hardware = hw with { Disks = [.. hw.Disks.Where(d => d.Disk != disk)] };
        var running = Record.Desired != PowerState.Stopped || Describe(null).Observed is not VmStatus.Stopped and not VmStatus.Crashed;
        if (running)
        {
            // The disk stays marked attached until the host reports QEMU let go of it: until then a
            // delete or an attach elsewhere would pull the image from under a writing guest.
            Record.PendingDetach.Add(disk);
        }

        await CommitHardwareAsync(hw, running ? $"disk {disk} detaching (released once the host confirms)" : $"disk {disk} detached");
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
        var observed = Describe(null).Observed;
        if (Record.Desired == PowerState.Stopped && observed is VmStatus.Stopped or VmStatus.Crashed)
        {
            var operation = await Operation(OperationIds.New()).Begin("vm.grow-disk", $"vm/{Name}", $"growing disk {disk} offline");
            var grown = await grain.Grow(newSizeBytes, Name);
            AddEvent($"disk {disk} grown to {Sizes.Describe(grown.VirtualSizeBytes)} (offline)");
            await state.WriteStateAsync();
            return await Operation(operation.Id).Succeed($"disk {disk} is {Sizes.Describe(grown.VirtualSizeBytes)}");
        }

        if (observed != VmStatus.Running)
        {
            throw FabricException.Conflict("vm", $"VM '{Name}' is {observed}; grow its disk when it is Running (online) or Stopped (offline)");
        }

        if (newSizeBytes <= info.VirtualSizeBytes || DiskRules.ValidateSize(newSizeBytes) is not null)
        {
            throw FabricException.Invalid("sizeBytes", newSizeBytes < info.VirtualSizeBytes
                ? $"{Sizes.Describe(newSizeBytes)} is smaller than the disk's {Sizes.Describe(info.VirtualSizeBytes)}: Fabric never shrinks disks"
                : DiskRules.ValidateSize(newSizeBytes) ?? $"disk {disk} is already {Sizes.Describe(info.VirtualSizeBytes)}");
        }

        Record.WantedDiskSizes[disk] = newSizeBytes;
        var pending = new PendingOperation(OperationIds.New(), "vm.grow-disk", time.GetUtcNow() + TimeSpan.FromMinutes(5)) { Disk = disk, TargetSize = newSizeBytes };
        return await BeginAsync(pending, $"growing disk {disk} online to {Sizes.Describe(newSizeBytes)}", placeIfNeeded: false,
            () => Record.WantedDiskSizes.Remove(disk));
    }
}
