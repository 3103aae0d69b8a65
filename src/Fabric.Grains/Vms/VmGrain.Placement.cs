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
    /// <summary>
    /// Keeps the VM's host while it is Ready or in Maintenance (maintenance takes no new VMs but keeps
    /// its own). Otherwise picks a host, bumps the epoch and asks it to take the VM (it may refuse: try
    /// the next). A VM is never re-placed away from a host that may still run it: without fencing, the
    /// old copy and the new one would write the same disk.
    /// </summary>
    private async Task EnsurePlacedAsync()
    {
        if (Record.Host is { } current)
        {
            var state = (await GrainFactory.GetGrain<IHostGrain>(current).GetInfo())?.State;
            if (state is HostState.Ready or HostState.Maintenance)
            {
                await PushAssignmentAsync();
                return;
            }

            if (!KnownStoppedOnItsHost())
            {
                throw new FabricException(FabricErrorKind.Unavailable, "host",
                    $"VM '{Name}' may still run on host '{current}', which is {state?.ToString() ?? "gone"}; Fabric starts it elsewhere only once that host reports it stopped, so the VM never runs twice. Bring the host back, or stop the VM there");
            }
        }

        var assignment = await BuildAssignmentAsync();
        var pools = assignment.Disks.Select(d => d.Image.Pool).Append(assignment.Iso?.Pool).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var hosts = await GrainFactory.GetGrain<IHostInventoryGrain>(IHostInventoryGrain.Key).List();
        var placement = HostSelector.Select(hosts, Record.Hardware.MemoryMiB, pools);
        var refusals = new List<string>();
        foreach (var candidate in placement.Candidates)
        {
            var epoch = Record.Epoch + 1;
            var host = GrainFactory.GetGrain<IHostGrain>(candidate);
            try
            {
                await host.Assign(assignment with { Epoch = epoch });
            }
            catch (FabricException ex)
            {
                refusals.Add($"{candidate}: {ex.Message}");
                continue;
            }
            catch
            {
                // The call may have landed (a timeout): take it back, so no host holds an assignment we do not know of.
                await TryAsync(() => host.Unassign(Name));
                throw;
            }

            var old = Record.Host;
            (Record.Host, Record.Epoch) = (candidate, epoch);
            AddEvent($"placed on host {candidate} (epoch {epoch})");
            LogPlaced(logger, Name, candidate, epoch);
            if (old is not null && old != candidate)
            {
                // Known stopped there (checked above); a failure here leaves only a stopped, stale assignment behind.
                await TryAsync(() => GrainFactory.GetGrain<IHostGrain>(old).Unassign(Name));
            }

            return;
        }

        var reason = refusals.Count > 0 ? $"every candidate host refused: {string.Join("; ", refusals)}" : placement.Reason;
        throw new FabricException(FabricErrorKind.Unavailable, "host", $"cannot place VM '{Name}' ({Record.Hardware.MemoryMiB} MiB): {reason}");
    }

    /// <summary>
    /// True only when the VM's own host last reported it stopped at the current epoch. With no report
    /// (the host went away before saying so) the answer is no: unknown is treated as maybe running.
    /// </summary>
    private bool KnownStoppedOnItsHost() =>
        _observation is { } o && o.Epoch == Record.Epoch && o.Host == Record.Host && o.Status is VmStatus.Stopped or VmStatus.Crashed;

    private static async Task TryAsync(Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Best effort: the caller already has a consistent outcome either way.
        }
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
