namespace Fabric.Contracts.Hosts.Leases;

/// <summary>Every host's lease, read at one instant of the witness's clock.</summary>
[GenerateSerializer, Immutable, Alias("fabric.LeaseSnapshot")]
public sealed record LeaseSnapshot(
    [property: Id(0)] long NowMs,
    [property: Id(1)] IReadOnlyDictionary<string, LeaseRecord> Leases);
