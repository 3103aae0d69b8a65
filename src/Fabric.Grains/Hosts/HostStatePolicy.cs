using Fabric.Contracts.Hosts;

namespace Fabric.Grains.Hosts;

/// <summary>
/// Derives a host's state from what is stored and when it last heartbeated. Derived on every read
/// rather than stored, so a host whose agent died turns Unreachable without any timer firing.
/// </summary>
public static class HostStatePolicy
{
    public static (HostState State, string Reason) Evaluate(
        HostRecord record, DateTimeOffset? lastHeartbeat, DateTimeOffset now, TimeSpan unreachableAfter)
    {
        if (record.Maintenance)
        {
            return (HostState.Maintenance, "put in maintenance by an operator; takes no new VMs");
        }

        if (lastHeartbeat is null)
        {
            return (HostState.Joining, "registered, waiting for its first heartbeat");
        }

        var silence = now - lastHeartbeat.Value;
        if (silence > unreachableAfter)
        {
            return (HostState.Unreachable,
                $"no heartbeat for {silence.TotalSeconds:0} s (limit {unreachableAfter.TotalSeconds:0} s); check that fabric-agent runs on the host and can reach the cluster");
        }

        if (record.Capabilities is null)
        {
            return (HostState.Joining, "agent connected; probing the host's capabilities");
        }

        return (HostState.Ready, "heartbeating");
    }
}
