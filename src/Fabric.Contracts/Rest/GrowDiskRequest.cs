namespace Fabric.Contracts.Rest;

/// <summary>Body of <c>POST /api/v1/disks/{name}/grow</c>: the new size, in bytes or as text such as <c>4G</c>.</summary>
public sealed record GrowDiskRequest
{
    public long? SizeBytes { get; init; }

    public string? Size { get; init; }
}
