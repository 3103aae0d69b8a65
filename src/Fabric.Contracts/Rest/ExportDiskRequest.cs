namespace Fabric.Contracts.Rest;

/// <summary>Body of <c>POST /api/v1/disks/{name}/export</c>: the image-library name and format of the copy.</summary>
public sealed record ExportDiskRequest
{
    public string Image { get; init; } = "";

    /// <summary><c>qcow2</c> when null.</summary>
    public string? Format { get; init; }
}
