using System.Collections.Concurrent;
using Fabric.Contracts.Hosts;
using Fabric.Contracts.Hosts.Leases;

namespace Fabric.Testing.Orleans;

/// <summary>
/// Heartbeats as a real agent sends them: first renewing the host's lease (in an in-memory cluster's
/// lease grain), as the holding incarnation. When the lease lapsed (a test moved the clock), it comes back
/// as a new incarnation of the same machine, as an agent does after fencing itself.
/// </summary>
public static class HostLeases
{
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(3);

    private static readonly ConcurrentDictionary<string, string> Incarnations = new(StringComparer.Ordinal);

    public static string TokenOf(string host) => "test-token-" + host;

    /// <summary>The incarnation these helpers heartbeat <paramref name="host"/> as.</summary>
    public static string IncarnationOf(string host) => Incarnations.GetOrAdd(host, _ => NewIncarnation());

    public static async Task<HeartbeatReply> HeartbeatAsync(this IGrainFactory grains, string host, HostHeartbeat heartbeat, TimeSpan? ttl = null)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(heartbeat);
        await RenewAsync(grains, host, ttl ?? Ttl);
        return await grains.GetGrain<IHostGrain>(host).Heartbeat(heartbeat with { Incarnation = IncarnationOf(host), HostToken = TokenOf(host) });
    }

    /// <summary>Renews the lease as <see cref="IncarnationOf"/>, becoming a new incarnation when the old one lapsed.</summary>
    public static async Task<LeaseDecision> RenewAsync(IGrainFactory grains, string host, TimeSpan ttl)
    {
        var witness = new GrainLeaseWitness(grains);
        var decision = await witness.RenewAsync(host, IncarnationOf(host), TokenOf(host), ttl);
        if (decision.Outcome == LeaseOutcome.Lapsed)
        {
            Incarnations[host] = NewIncarnation();
            decision = await witness.RenewAsync(host, IncarnationOf(host), TokenOf(host), ttl);
        }

        return decision;
    }

    private static string NewIncarnation() => Guid.NewGuid().ToString("N");
}
