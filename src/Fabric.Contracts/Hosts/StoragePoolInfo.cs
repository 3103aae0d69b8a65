namespace Fabric.Contracts.Hosts;

/// <summary>A storage pool as seen from one host.</summary>
/// <param name="Name">Pool name, e.g. <c>local</c>.</param>
/// <param name="Path">Absolute directory of the pool on the host.</param>
/// <param name="TotalBytes">Size of the filesystem holding the pool.</param>
/// <param name="FreeBytes">Bytes free for new disks.</param>
[GenerateSerializer, Immutable, Alias("fabric.StoragePoolInfo")]
public sealed record StoragePoolInfo(
    [property: Id(0)] string Name,
    [property: Id(1)] string Path,
    [property: Id(2)] long TotalBytes,
    [property: Id(3)] long FreeBytes);
