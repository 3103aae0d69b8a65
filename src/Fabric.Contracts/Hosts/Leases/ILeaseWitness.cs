namespace Fabric.Contracts.Hosts.Leases;

/// <summary>
/// Where host leases are recorded and compared-and-set atomically: Redis when the cluster stores in
/// Redis (agents renew there directly, so a silo's death cannot make a lease lapse), the host-lease
/// grain in memory mode. Both apply <see cref="LeaseRules"/>.
/// </summary>
public interface ILeaseWitness
{
    /// <summary>Renews, acquires or takes over <paramref name="host"/>'s lease for <paramref name="incarnation"/>, or says why not.</summary>
    Task<LeaseDecision> RenewAsync(string host, string incarnation, string token, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>The host's lease, or null when none was ever taken.</summary>
    Task<LeaseRecord?> ReadAsync(string host, CancellationToken cancellationToken = default);

    /// <summary>Every lease, with the witness's clock at the moment of reading.</summary>
    Task<LeaseSnapshot> ReadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Declares <paramref name="generation"/> of the host's lease dead when it lapsed at least
    /// <paramref name="margin"/> ago and nobody took it since. True when this call declared it (only one caller ever does).
    /// </summary>
    Task<bool> FenceAsync(string host, long generation, TimeSpan margin, CancellationToken cancellationToken = default);
}
