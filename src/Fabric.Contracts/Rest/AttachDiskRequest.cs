using Fabric.Contracts.Vms;

namespace Fabric.Contracts.Rest;

/// <summary>Body of <c>POST /api/v1/vms/{name}/disks</c>.</summary>
public sealed record AttachDiskRequest
{
    public string Disk { get; init; } = "";

    public DiskBus Bus { get; init; } = DiskBus.Default;
}
