using Fabric.Contracts.Disks;
using Fabric.Contracts.Hosts;
using Fabric.Contracts.Images;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Fabric.Grains.Placement;

namespace Fabric.Grains.Vms;

/// <summary>Placement and the assignment pushed to the VM's host.</summary>
public sealed partial class VmGrain
{
    /// <summary>Keeps a Ready host; otherwise picks one, bumps the epoch and asks it to take the VM (it may refuse: try the next).</summary>
    private async Task EnsurePlacedAsync()
    {
        if (Record.Host is { } current && (await GrainFactory.GetGrain<IHostGrain>(current).GetInfo())?.State == HostState.Ready)
        {
            await PushAssignmentAsync();
            return;
        }

        var assignment = await BuildAssignmentAsync();
        var pools = assignment.Disks.Select(d => d.Image.Pool).Append(assignment.Iso?.Pool).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var hosts = await GrainFactory.GetGrain<IHostInventoryGrain>(IHostInventoryGrain.Key).List();
        var placement = HostSelector.Select(hosts, Record.Hardware.MemoryMiB, pools);
        var refusals = new List<string>();
        foreach (var candidate in placement.Candidates)
        {
            var epoch = Record.Epoch + 1;
            try
            {
                await GrainFactory.GetGrain<IHostGrain>(candidate).Assign(assignment with { Epoch = epoch });
            }
            catch (FabricException ex)
            {
                refusals.Add($"{candidate}: {ex.Message}");
                continue;
            }

            if (Record.Host is { } old && old != candidate)
            {
                await GrainFactory.GetGrain<IHostGrain>(old).Unassign(Name);
            }

            (Record.Host, Record.Epoch) = (candidate, epoch);
            AddEvent($"placed on host {candidate} (epoch {epoch})");
            LogPlaced(logger, Name, candidate, epoch);
            return;
        }

        var reason = refusals.Count > 0 ? $"every candidate host refused: {string.Join("; ", refusals)}" : placement.Reason;
        throw new FabricException(FabricErrorKind.Unavailable, "host", $"cannot place VM '{Name}' ({Record.Hardware.MemoryMiB} MiB): {reason}");
    }

    /// <summary>Sends the current desired state to the VM's host, if it has one.</summary>
    private async Task PushAssignmentAsync()
    {
        if (Record.Host is { } host)
        {
            await GrainFactory.GetGrain<IHostGrain>(host).Assign(await BuildAssignmentAsync());
        }
    }

    private async Task<VmAssignment> BuildAssignmentAsync()
    {
        var disks = new List<AssignedDisk>();
        foreach (var attachment in Record.Hardware.Disks)
        {
            var disk = await GrainFactory.GetGrain<IDiskGrain>(attachment.Disk).Get()
                ?? throw FabricException.Conflict("disks", $"disk '{attachment.Disk}' of VM '{Name}' no longer exists; detach it");
            var size = Record.WantedDiskSizes.TryGetValue(disk.Name, out var wanted) ? Math.Max(wanted, disk.VirtualSizeBytes) : disk.VirtualSizeBytes;
            disks.Add(new AssignedDisk(disk.Name, new AssignedFile(disk.Pool, disk.Path), disk.Format, attachment.Bus, size));
        }

        AssignedFile? iso = null;
        if (Record.Hardware.Iso is { } isoName)
        {
            var image = await GrainFactory.GetGrain<IImageLibraryGrain>(IImageLibraryGrain.Key).Get(isoName)
                ?? throw FabricException.Conflict("iso", $"ISO '{isoName}' is no longer in the image library; eject it");
            iso = new AssignedFile(image.Pool, image.Path);
        }

        return new VmAssignment
        {
            Vm = Name,
            Epoch = Record.Epoch,
            Hardware = Record.Hardware,
            Power = Record.Desired,
            StopMode = Record.StopMode,
            ShutdownTimeout = Record.ShutdownTimeout,
            ResetCount = Record.ResetCount,
            RestartCount = Record.RestartCount,
            Disks = disks,
            Iso = iso,
        };
    }
}
