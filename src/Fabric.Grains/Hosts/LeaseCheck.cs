using Fabric.Contracts.Hosts.Leases;

namespace Fabric.Grains.Hosts;

/// <summary>Whether a heartbeat comes from the incarnation holding the host's lease; only that one drives the host.</summary>
public static class LeaseCheck
{
    /// <summary>Null when <paramref name="incarnation"/> holds the lease; otherwise why it must stand down, and what to do.</summary>
    public static string? StandDownReason(string host, string incarnation, LeaseRecord? lease)
    {
        if (string.IsNullOrEmpty(incarnation))
        {
            return $"this agent sent no incarnation, so it cannot hold host '{host}''s lease; upgrade fabric-agent to the silo's version";
        }

        if (lease is null)
        {
            return $"host '{host}' has no lease yet; the agent takes one before it drives any VM";
        }

        if (lease.Holder != incarnation)
        {
            return $"host '{host}''s lease is held by agent incarnation {lease.Holder} (generation {lease.Generation}), not {incarnation}. "
                + "If another fabric-agent runs under this host name, stop one of them; a restarted agent takes over once the old lease lapses";
        }

        return lease.IsFenced
            ? $"host '{host}' was declared dead (lease generation {lease.Generation} lapsed); the agent must fence itself and come back as a new incarnation"
            : null;
    }
}
