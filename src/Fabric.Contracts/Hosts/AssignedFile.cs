namespace Fabric.Contracts.Hosts;

/// <summary>A file in a storage pool: the agent maps the pool name to its folder.</summary>
[GenerateSerializer, Immutable, Alias("fabric.AssignedFile")]
public sealed record AssignedFile([property: Id(0)] string Pool, [property: Id(1)] string Path);
