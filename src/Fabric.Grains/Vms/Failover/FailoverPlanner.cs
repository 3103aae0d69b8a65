using Fabric.Contracts.Vms;

namespace Fabric.Grains.Vms.Failover;

/// <summary>Decides what a VM does about its host's failure, from its record alone.</summary>
public static class FailoverPlanner
{
    public static FailoverAction Decide(VmRecord record, string host, long epoch)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Host != host || record.Epoch != epoch || record.Desired == PowerState.Stopped)
        {
            // Moved on already (a repeat of the call, or a late one), or not meant to run: a later
            // start places it anew, since the dead host takes no new placements.
            return FailoverAction.Ignore;
        }

        return RestartRules.RestartsAfterHostFailure(record.Policy) ? FailoverAction.RestartElsewhere : FailoverAction.StayDown;
    }

    /// <summary>The event for a VM running again after a failure, saying where and how long it was down.</summary>
    public static string RunningAgain(HostFailure failure, string host, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var down = (now - failure.DownSince).TotalSeconds;
        return host == failure.Host
            ? $"running again on {host}, which came back, after {down:0.0} s down"
            : $"running again on {host} after {down:0.0} s down (host {failure.Host} failed)";
    }
}
