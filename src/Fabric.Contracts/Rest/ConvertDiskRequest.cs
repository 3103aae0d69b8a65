namespace Fabric.Contracts.Rest;

/// <summary>Body of <c>POST /api/v1/disks/{name}/convert</c>.</summary>
public sealed record ConvertDiskRequest
{
    public string Format { get; init; } = "";
}
