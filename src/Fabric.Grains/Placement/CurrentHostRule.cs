using Fabric.Contracts.Hosts;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;

namespace Fabric.Grains.Placement;

/// <summary>
/// Whether a VM that already has a host keeps it or may be placed elsewhere. It keeps a host that is
/// Ready or in Maintenance (maintenance takes no new VMs but keeps its own). It is never re-placed
/// away from a host that may still run it: without fencing, the old copy and the new one would write
/// the same disk. Unknown is treated as maybe running.
/// </summary>
public static class CurrentHostRule
{
    /// <summary>True to keep <paramref name="host"/>; false to place the VM anew; throws when the VM may still run there.</summary>
    public static bool KeepsHost(string vm, string host, HostState? hostState, bool knownStoppedThere)
    {
        if (hostState is HostState.Ready or HostState.Maintenance)
        {
            return true;
        }

        return knownStoppedThere
            ? false
            : throw new FabricException(FabricErrorKind.Unavailable, "host",
                $"VM '{vm}' may still run on host '{host}', which is {hostState?.ToString() ?? "gone"}; Fabric starts it elsewhere only once that host reports it stopped, so the VM never runs twice. Bring the host back, or stop the VM there");
    }

    /// <summary>
    /// True when the VM's host was declared dead and the VM is one its host kills when its lease lapses
    /// (every VM but restart policy never): it is known stopped there.
    /// </summary>
    public static bool FencedThere(HostState? hostState, RestartPolicy policy) =>
        hostState == HostState.Fenced && RestartRules.RestartsAfterHostFailure(policy);

    /// <summary>
    /// True only when the VM's own host last reported it stopped at the current epoch. With no report
    /// (the host went away before saying so) the answer is no.
    /// </summary>
    public static bool KnownStopped(string? host, long epoch, VmObservation? observation) =>
        observation is { } o && o.Epoch == epoch && o.Host == host && o.Status is VmStatus.Stopped or VmStatus.Crashed;
}
