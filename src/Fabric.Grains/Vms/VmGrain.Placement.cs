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
    /// Keeps the VM's host when <see cref="CurrentHostRule"/> says so; otherwise asks the candidates
    /// <see cref="HostSelector"/> picks from this silo's <see cref="HostView"/>, in order, to take the VM
    /// at the next epoch (each may refuse: try the next). When none takes it, reads the hosts afresh
    /// once, since the view may be stale, and tries again before giving up with every host's reason.
    /// </summary>
    private async Task EnsurePlacedAsync()
    {
        if (await TryPlaceAsync() is { } reason)
        {
            throw new FabricException(FabricErrorKind.Unavailable, "host", reason);
        }
    }

    /// <summary>
    /// As <see cref="EnsurePlacedAsync"/>, but when no host can take the VM returns why (every host's reason)
    /// instead of throwing; a VM that may still run on a host that is away is still refused with an exception.
    /// </summary>
    private async Task<string?> TryPlaceAsync()
    {
        if (Record.Host is { } current)
        {
            var hostState = (await GrainFactory.GetGrain<IHostGrain>(current).GetInfo())?.State;
            var stoppedThere = CurrentHostRule.KnownStopped(current, Record.Epoch, _observation) || CurrentHostRule.FencedThere(hostState, Record.Policy);
            if (CurrentHostRule.KeepsHost(Name, current, hostState, stoppedThere))
            {
                await PushAssignmentAsync();
                return null;
            }
        }

        var assignment = await BuildAssignmentAsync();
        var pools = assignment.Disks.Select(d => d.Image.Pool).Append(assignment.Iso?.Pool).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var refusals = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var request = new PlacementRequest(Record.Hardware.VCpus, Record.Hardware.MemoryMiB, pools);
        var placement = selector.Select([.. (await hosts.GetAsync()).Values], request);
        if (await TryCandidatesAsync(placement, assignment, refusals))
        {
            return null;
        }

        placement = selector.Select([.. (await hosts.GetAsync(fresh: true)).Values], request);
        if (await TryCandidatesAsync(placement, assignment, refusals))
        {
            return null;
        }

        // A host that refused said why in its own words, which beats what a view of it can tell.
        var reason = refusals.Count > 0 ? $"every candidate host refused: {string.Join("; ", refusals.Select(r => $"{r.Key}: {r.Value}"))}" : placement.Reason;
        return $"cannot place VM '{Name}' ({Record.Hardware.VCpus} vCPUs, {Record.Hardware.MemoryMiB} MiB): {reason}";
    }

    private async Task<bool> TryCandidatesAsync(PlacementResult placement, VmAssignment assignment, SortedDictionary<string, string> refusals)
    {
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
                refusals[candidate] = string.Join("; ", ex.Problems.Select(p => p.Message));
                continue;
            }
            catch
            {
                // The call may have landed (a timeout): take it back, so no host holds an assignment we do not know of.
                await TryAsync(() => host.Unassign(Name));
                throw;
            }

            var running = assignment.Power != PowerState.Stopped;
            hosts.Reserve(candidate, running ? assignment.Hardware.MemoryMiB : 0, running ? assignment.Hardware.VCpus : 0);
            var old = Record.Host;
            (Record.Host, Record.Epoch) = (candidate, epoch);
            AddEvent($"placed on host {candidate} (epoch {epoch})");
            LogPlaced(logger, Name, candidate, epoch);
            if (old is not null && old != candidate)
            {
                // Known stopped there (checked above); a failure here leaves only a stopped, stale assignment behind.
                await TryAsync(() => GrainFactory.GetGrain<IHostGrain>(old).Unassign(Name));
            }

            return true;
        }

        return false;
    }

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
            Restart = Record.Policy,
            RestartPriority = Record.RestartPriority,
            Disks = disks,
            Iso = iso,
        };
    }
}
