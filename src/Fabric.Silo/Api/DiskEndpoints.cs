using Fabric.Contracts.Disks;
using Fabric.Contracts.Rest;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;

namespace Fabric.Silo.Api;

/// <summary>REST: <c>/api/v1/disks</c>: list, create, show, grow, convert, export, snapshots, delete.</summary>
public static class DiskEndpoints
{
    private const string ListHint = "list disks with GET /api/v1/disks";

    public static void MapDiskEndpoints(this IEndpointRouteBuilder api)
    {
        var disks = api.MapGroup("/disks").WithTags("Disks");

        disks.MapGet("/", async (IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<IDiskCatalogGrain>(IDiskCatalogGrain.Key).List())).WithName("ListDisks");

        disks.MapPost("/", async (CreateDiskRequest request, IGrainFactory grains) =>
        {
            Edge.ThrowIfAny(CreateDiskRequestValidator.Validate(request));
            var disk = await grains.GetGrain<IDiskGrain>(request.Name).Create(request);
            return Results.Created($"/api/v1/disks/{disk.Name}", disk);
        }).WithName("CreateDisk");

        disks.MapGet("/{name}", async (string name, IGrainFactory grains) =>
            Results.Ok(await Existing(grains, name))).WithName("GetDisk");

        disks.MapPost("/{name}/grow", async (string name, GrowDiskRequest request, IGrainFactory grains) =>
        {
            var size = NewSize(request);
            var disk = await Existing(grains, name);
            if (disk.AttachedTo is { } vm)
            {
                // A disk in use grows through its VM, which resizes it online when the VM runs.
                var operation = await grains.GetGrain<IVmGrain>(vm).GrowDisk(name, size);
                return Results.Accepted(Edge.OperationUrl(operation.Id), operation);
            }

            return Results.Ok(await grains.GetGrain<IDiskGrain>(name).Grow(size, null));
        }).WithName("GrowDisk");

        disks.MapPost("/{name}/convert", async (string name, ConvertDiskRequest request, IGrainFactory grains) =>
        {
            var disk = Disk(grains, name);
            ThrowIfBadFormat(request.Format);
            return Results.Ok(await disk.Convert(request.Format));
        }).WithName("ConvertDisk");

        disks.MapPost("/{name}/export", async (string name, ExportDiskRequest request, IGrainFactory grains) =>
        {
            var disk = Disk(grains, name);
            Edge.ImageName(request.Image, "image");
            ThrowIfBadFormat(request.Format ?? "qcow2");
            var image = await disk.Export(request.Image, request.Format ?? "qcow2");
            return Results.Created($"/api/v1/images/{image.Name}", image);
        }).WithName("ExportDisk");

        disks.MapPost("/{name}/snapshots", async (string name, SnapshotRequest request, IGrainFactory grains) =>
            Results.Ok(await Disk(grains, name).Snapshot(SnapshotAction.Create, Edge.Label(request.Name, "snapshot"))))
            .WithName("CreateDiskSnapshot");

        disks.MapPost("/{name}/snapshots/{snapshot}/revert", async (string name, string snapshot, IGrainFactory grains) =>
            Results.Ok(await Disk(grains, name).Snapshot(SnapshotAction.Revert, Edge.Label(snapshot, "snapshot", "snapshot"))))
            .WithName("RevertDiskSnapshot");

        disks.MapDelete("/{name}/snapshots/{snapshot}", async (string name, string snapshot, IGrainFactory grains) =>
            Results.Ok(await Disk(grains, name).Snapshot(SnapshotAction.Delete, Edge.Label(snapshot, "snapshot", "snapshot"))))
            .WithName("DeleteDiskSnapshot");

        disks.MapDelete("/{name}", async (string name, IGrainFactory grains) =>
        {
            await Existing(grains, name);
            await Disk(grains, name).Delete();
            return Results.NoContent();
        }).WithName("DeleteDisk");
    }

    private static IDiskGrain Disk(IGrainFactory grains, string name) => grains.GetGrain<IDiskGrain>(Edge.Label(name, "disk"));

    private static async Task<DiskInfo> Existing(IGrainFactory grains, string name) =>
        Edge.Found(await Disk(grains, name).Get(), "disk", name, ListHint);

    private static long NewSize(GrowDiskRequest request)
    {
        if (request.SizeBytes is not null && request.Size is not null)
        {
            throw FabricException.Invalid("size", "give sizeBytes or size, not both");
        }

        var size = request.SizeBytes
            ?? (request.Size is { } text
                ? Sizes.TryParse(text) ?? throw FabricException.Invalid("size", $"'{ResourceNamesPrintable(text)}' is not a size; write e.g. 4G, 512M or a number of bytes")
                : throw FabricException.Invalid("sizeBytes", "no new size given; send {\"sizeBytes\": N} or {\"size\": \"4G\"}"));
        return DiskRules.ValidateSize(size) is { } problem ? throw FabricException.Invalid(request.SizeBytes is null ? "size" : "sizeBytes", problem) : size;
    }

    private static void ThrowIfBadFormat(string format)
    {
        var problem = string.IsNullOrWhiteSpace(format) ? "no format given; use qcow2, raw, vhdx or vhd" : DiskRules.ValidateFormat(format);
        if (problem is not null)
        {
            throw FabricException.Invalid("format", problem);
        }
    }

    private static string ResourceNamesPrintable(string text) => new([.. text.Take(64).Select(c => char.IsControl(c) ? '?' : c)]);
}
