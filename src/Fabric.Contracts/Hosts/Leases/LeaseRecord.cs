namespace Fabric.Contracts.Hosts.Leases;

/// <summary>
/// A host's lease as its witness stores it (Redis, or a grain in memory mode). Times are the
/// witness's own clock in Unix milliseconds, so every decision about expiry uses one clock.
/// </summary>
/// <param name="Holder">The agent incarnation holding the lease.</param>
/// <param name="Token">The holder machine's host token (see <see cref="HostHeartbeat.HostToken"/>).</param>
/// <param name="RenewedAtMs">Last renewal, witness clock.</param>
/// <param name="ExpiresAtMs">When it lapses unless renewed, witness clock.</param>
/// <param name="Generation">Bumped each time another incarnation takes the lease.</param>
/// <param name="FencedGeneration">The last generation the cluster declared dead (0 for none).</param>
[GenerateSerializer, Immutable, Alias("fabric.LeaseRecord")]
public sealed record LeaseRecord(
    [property: Id(0)] string Holder,
    [property: Id(1)] string Token,
    [property: Id(2)] long RenewedAtMs,
    [property: Id(3)] long ExpiresAtMs,
    [property: Id(4)] long Generation,
    [property: Id(5)] long FencedGeneration)
{
    public bool IsLapsedAt(long nowMs) => nowMs >= ExpiresAtMs;

    /// <summary>True once the cluster declared this generation dead: its holder may not renew it again.</summary>
    public bool IsFenced => FencedGeneration == Generation;
}
