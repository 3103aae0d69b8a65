using Fabric.Contracts.Vms;

namespace Fabric.Contracts.Hosts;

/// <summary>A VM disk resolved to its image: pool, path in the pool, format, bus and wanted size.</summary>
[GenerateSerializer, Immutable, Alias("fabric.AssignedDisk")]
public sealed record AssignedDisk(
    [property: Id(0)] string Name,
    [property: Id(1)] AssignedFile Image,
    [property: Id(2)] string Format,
    [property: Id(3)] DiskBus Bus,
    [property: Id(4)] long SizeBytes);
