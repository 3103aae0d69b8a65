namespace Fabric.Contracts.Vms;

/// <summary>A cluster disk attached to a VM on a bus.</summary>
[GenerateSerializer, Immutable, Alias("fabric.VmDiskAttachment")]
public sealed record VmDiskAttachment([property: Id(0)] string Disk, [property: Id(1)] DiskBus Bus);
