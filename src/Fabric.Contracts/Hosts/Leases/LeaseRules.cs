namespace Fabric.Contracts.Hosts.Leases;

/// <summary>
/// The lease decisions, as plain functions of the stored lease and the witness's clock. The Redis
/// witness runs the same rules in one Lua script (atomic there); the memory witness runs these.
/// </summary>
/// <remarks>
/// Why a VM never runs twice (the full argument is in docs/high-availability.md): an agent counts its
/// lease from the moment it <em>sent</em> the renewal, which is before the witness stamped it, so its
/// own deadline falls before the witness's expiry; at that deadline it (and its fence companion) kills
/// the host's HA VMs. The cluster re-places them only after the witness's expiry plus a margin that
/// covers the kill and any clock-rate difference over one TTL. A lapsed lease is never renewed by its
/// holder: it must fence and come back as a new incarnation.
/// </remarks>
public static class LeaseRules
{
    public static LeaseDecision Renew(LeaseRecord? current, string incarnation, string token, long nowMs, long ttlMs)
    {
        ArgumentException.ThrowIfNullOrEmpty(incarnation);
        if (current is null)
        {
            return new LeaseDecision(LeaseOutcome.Acquired, new LeaseRecord(incarnation, token, nowMs, nowMs + ttlMs, 1, 0));
        }

        var live = !current.IsLapsedAt(nowMs) && !current.IsFenced;
        if (current.Holder == incarnation)
        {
            return live
                ? new LeaseDecision(LeaseOutcome.Renewed, current with { RenewedAtMs = nowMs, ExpiresAtMs = nowMs + ttlMs })
                : new LeaseDecision(LeaseOutcome.Lapsed, current);
        }

        var next = current with { Holder = incarnation, Token = token, RenewedAtMs = nowMs, ExpiresAtMs = nowMs + ttlMs, Generation = current.Generation + 1 };
        if (!live)
        {
            return new LeaseDecision(LeaseOutcome.Acquired, next);
        }

        return token.Length > 0 && token == current.Token
            ? new LeaseDecision(LeaseOutcome.TookOver, next)
            : new LeaseDecision(LeaseOutcome.Held, current);
    }

    /// <summary>True when the lease lapsed at least <paramref name="marginMs"/> ago and was not declared dead yet.</summary>
    public static bool IsDue(LeaseRecord lease, long nowMs, long marginMs)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return !lease.IsFenced && nowMs >= lease.ExpiresAtMs + marginMs;
    }

    /// <summary>The lease with <paramref name="generation"/> declared dead, or null when that is not (or no longer) due.</summary>
    public static LeaseRecord? Fence(LeaseRecord? current, long generation, long nowMs, long marginMs) =>
        current is not null && current.Generation == generation && IsDue(current, nowMs, marginMs)
            ? current with { FencedGeneration = generation }
            : null;
}
