using Fabric.Contracts.Hosts;
using Fabric.Contracts.Vms;

namespace Fabric.Grains.Vms;

/// <summary>Derives what a VM is observed to be from its host's last report and the host's liveness.</summary>
public static class VmStatusPolicy
{
    public static (VmStatus Status, string Detail) Evaluate(VmRecord record, VmObservation? observation, HostState? hostState)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Host is { } host && hostState is HostState.Unreachable)
        {
            return (VmStatus.Unknown, UnknownOn(host));
        }

        if (record.Host is { } dead && hostState is HostState.Fenced && record.Desired != PowerState.Stopped)
        {
            return RestartRules.RestartsAfterHostFailure(record.Policy)
                ? (VmStatus.Starting, $"host '{dead}' was declared dead; waiting for another host to restart the VM on (see its events)")
                : (VmStatus.Unknown, $"host '{dead}' was declared dead; restart policy never keeps the VM there, and it may still run there, until the host returns");
        }

        if (record.Unplaced is { } wait && record.Desired != PowerState.Stopped)
        {
            return (VmStatus.Pending, wait.Reason);
        }

        if (observation is null || observation.Epoch != record.Epoch)
        {
            return record.Desired == PowerState.Stopped
                ? (VmStatus.Stopped, record.Host is null ? "never started" : "stopped")
                : (VmStatus.Starting, $"waiting for host '{record.Host}' to report the VM");
        }

        return (observation.Status, observation.Detail);
    }

    /// <summary>
    /// A VM summary read from an index (pushed while the host still reported), seen now: a VM meant
    /// to run on a host that went unreachable since is Unknown, which means it may be running.
    /// </summary>
    public static VmInfo WithHostState(VmInfo info, IReadOnlyDictionary<string, HostInfo> hosts)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(hosts);
        return info.Host is { } host && info.Desired != PowerState.Stopped && hosts.GetValueOrDefault(host)?.State is HostState.Unreachable or HostState.Fenced
            ? info with { Observed = VmStatus.Unknown, ObservedDetail = UnknownOn(host), Guest = null }
            : info;
    }

    private static string UnknownOn(string host) => $"host '{host}' is unreachable; the VM's state is not known";
}
