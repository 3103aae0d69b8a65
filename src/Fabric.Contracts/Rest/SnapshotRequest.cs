namespace Fabric.Contracts.Rest;

/// <summary>Body of <c>POST /api/v1/disks/{name}/snapshots</c>.</summary>
public sealed record SnapshotRequest
{
    public string Name { get; init; } = "";
}
