using Fabric.Contracts.Disks;
using Fabric.Contracts.Images;
using Fabric.Contracts.Operations;
using Fabric.Contracts.Rest;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fabric.Silo.Api;

/// <summary>REST: <c>/api/v1/disks</c>: list, create, show, grow, convert, export, snapshots, delete.</summary>
public static class DiskEndpoints
{
    private const string ListHint = "list disks with GET /api/v1/disks";

    public static void MapDiskEndpoints(this IEndpointRouteBuilder api)
    {
        var disks = api.MapGroup("/disks").WithTags("Disks");

        disks.MapGet("/", async Task<Ok<IReadOnlyList<DiskInfo>>> (IGrainFactory grains) =>
            TypedResults.Ok(await grains.GetGrain<IDiskCatalogGrain>(IDiskCatalogGrain.Key).List()))
            .WithName("ListDisks").WithSummary("List disks");

        disks.MapPost("/", async Task<Created<DiskInfo>> (CreateDiskRequest request, IGrainFactory grains) =>
        {
            Edge.ThrowIfAny(CreateDiskRequestValidator.Validate(request));
            var disk = await grains.GetGrain<IDiskGrain>(request.Name).Create(request);
            return TypedResults.Created($"/api/v1/disks/{disk.Name}", disk);
        }).WithName("CreateDisk").WithSummary("Create a disk: empty, imported from an image, or a clone of another")
            .ProducesProblems(400, 404, 409, 415);

        disks.MapGet("/{name}", async Task<Ok<DiskInfo>> (string name, IGrainFactory grains) =>
            TypedResults.Ok(await Existing(grains, name)))
            .WithName("GetDisk").WithSummary("Show a disk").ProducesProblems(400, 404);

        disks.MapPost("/{name}/grow", async Task<Results<Accepted<OperationInfo>, Ok<DiskInfo>>> (string name, GrowDiskRequest request, IGrainFactory grains) =>
        {
            var size = NewSize(request);
            var disk = await Existing(grains, name);
            if (disk.AttachedTo is { } vm)
            {
                // A disk in use grows through its VM, which resizes it online when the VM runs.
                var operation = await grains.GetGrain<IVmGrain>(vm).GrowDisk(name, size);
                return TypedResults.Accepted(Edge.OperationUrl(operation.Id), operation);
            }

            return TypedResults.Ok(await grains.GetGrain<IDiskGrain>(name).Grow(size, null));
        }).WithName("GrowDisk").WithSummary("Grow a disk; one attached to a VM grows through the VM (online when it runs)")
            .WithDescription("A detached disk answers 200 with the grown disk; an attached one 202 with the operation to follow.")
            .ProducesProblems(400, 404, 409, 415);

        disks.MapPost("/{name}/convert", async Task<Ok<DiskInfo>> (string name, ConvertDiskRequest request, IGrainFactory grains) =>
        {
            var disk = Disk(grains, name);
            ThrowIfBadFormat(request.Format);
            return TypedResults.Ok(await disk.Convert(request.Format));
        }).WithName("ConvertDisk").WithSummary("Convert a disk to another format (qcow2, raw, vhdx, vhd); its VM, if any, stopped")
            .ProducesProblems(400, 404, 409, 415);

        disks.MapPost("/{name}/export", async Task<Created<ImageInfo>> (string name, ExportDiskRequest request, IGrainFactory grains) =>
        {
            var disk = Disk(grains, name);
            Edge.ImageName(request.Image, "image");
            ThrowIfBadFormat(request.Format ?? "qcow2");
            var image = await disk.Export(request.Image, request.Format ?? "qcow2");
            return TypedResults.Created($"/api/v1/images/{image.Name}", image);
        }).WithName("ExportDisk").WithSummary("Export a disk into the image library as a new image; its VM, if any, stopped")
            .ProducesProblems(400, 404, 409, 415);

        disks.MapPost("/{name}/snapshots", async Task<Ok<DiskInfo>> (string name, SnapshotRequest request, IGrainFactory grains) =>
            TypedResults.Ok(await Disk(grains, name).Snapshot(SnapshotAction.Create, Edge.Label(request.Name, "snapshot"))))
            .WithName("CreateDiskSnapshot").WithSummary("Take a snapshot of a qcow2 disk; its VM, if any, stopped")
            .ProducesProblems(400, 404, 409, 415);

        disks.MapPost("/{name}/snapshots/{snapshot}/revert", async Task<Ok<DiskInfo>> (string name, string snapshot, IGrainFactory grains) =>
            TypedResults.Ok(await Disk(grains, name).Snapshot(SnapshotAction.Revert, Edge.Label(snapshot, "snapshot", "snapshot"))))
            .WithName("RevertDiskSnapshot").WithSummary("Revert a disk to a snapshot")
            .ProducesProblems(400, 404, 409);

        disks.MapDelete("/{name}/snapshots/{snapshot}", async Task<Ok<DiskInfo>> (string name, string snapshot, IGrainFactory grains) =>
            TypedResults.Ok(await Disk(grains, name).Snapshot(SnapshotAction.Delete, Edge.Label(snapshot, "snapshot", "snapshot"))))
            .WithName("DeleteDiskSnapshot").WithSummary("Delete a snapshot of a disk")
            .ProducesProblems(400, 404, 409);

        disks.MapDelete("/{name}", async Task<NoContent> (string name, IGrainFactory grains) =>
        {
            await Existing(grains, name);
            await Disk(grains, name).Delete();
            return TypedResults.NoContent();
        }).WithName("DeleteDisk").WithSummary("Delete a disk that no VM uses, and its file")
            .ProducesProblems(400, 404, 409);
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
