namespace Fabric.Contracts.Hosts;

/// <summary>A host's lease as the cluster's witness (Redis, or memory) records it.</summary>
/// <param name="Holder">The agent incarnation holding it.</param>
/// <param name="RenewedAt">When it was last renewed, by the witness's clock.</param>
/// <param name="ExpiresAt">When it lapses unless renewed, by the witness's clock.</param>
/// <param name="Generation">Bumped each time another incarnation takes the lease.</param>
[GenerateSerializer, Immutable, Alias("fabric.HostLeaseInfo")]
public sealed record HostLeaseInfo(
    [property: Id(0)] string Holder,
    [property: Id(1)] DateTimeOffset RenewedAt,
    [property: Id(2)] DateTimeOffset ExpiresAt,
    [property: Id(3)] long Generation);
