namespace Fabric.Contracts.Hosts;

/// <summary>A host lease renewed for the incarnation that sent the heartbeat.</summary>
/// <param name="Incarnation">The incarnation now holding the lease.</param>
/// <param name="Ttl">How long the lease lasts from its renewal; the agent counts it from when it sent the heartbeat.</param>
/// <param name="Generation">Bumped each time another incarnation takes the lease.</param>
[GenerateSerializer, Immutable, Alias("fabric.LeaseGrant")]
public sealed record LeaseGrant(
    [property: Id(0)] string Incarnation,
    [property: Id(1)] TimeSpan Ttl,
    [property: Id(2)] long Generation);
