using Fabric.Contracts.Hosts;
using Fabric.Contracts.Hosts.Leases;

namespace Fabric.Grains.Hosts;

/// <summary>
/// Derives a host's state from what is stored, its lease and when its lease holder last heartbeated.
/// Derived on every read rather than stored, so a host whose agent died turns Unreachable without any
/// timer firing.
/// </summary>
public static class HostStatePolicy
{
    public static (HostState State, string Reason) Evaluate(
        HostRecord record, LeaseRecord? lease, DateTimeOffset? lastHeartbeat, DateTimeOffset now, TimeSpan unreachableAfter)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (IsFenced(record, lease))
        {
            return (HostState.Fenced,
                $"declared dead at {record.FencedAt:u} when its lease lapsed; its HA VMs were restarted elsewhere. It returns when its agent takes a new lease (restart fabric-agent on it)");
        }

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
                $"no heartbeat for {silence.TotalSeconds:0} s (limit {unreachableAfter.TotalSeconds:0} s); its VMs may still run until its lease lapses and it is fenced. Check that fabric-agent runs on the host and can reach the cluster");
        }

        if (record.Capabilities is null)
        {
            return (HostState.Joining, "agent connected; probing the host's capabilities");
        }

        return (HostState.Ready, "heartbeating");
    }

    /// <summary>Declared dead, and no agent took the lease since.</summary>
    public static bool IsFenced(HostRecord record, LeaseRecord? lease)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.FencedGeneration > 0 && (lease is null || lease.Generation <= record.FencedGeneration);
    }
}
