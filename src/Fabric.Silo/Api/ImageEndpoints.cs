using System.ComponentModel;
using Fabric.Contracts.Images;
using Fabric.Contracts.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fabric.Silo.Api;

/// <summary>REST: <c>/api/v1/images</c>: the image library (ISOs, importable disk images); upload is the raw body.</summary>
public static partial class ImageEndpoints
{
    private const string ListHint = "list images with GET /api/v1/images";

    public static void MapImageEndpoints(this IEndpointRouteBuilder api)
    {
        var images = api.MapGroup("/images").WithTags("Images");

        images.MapGet("/", async Task<Ok<IReadOnlyList<ImageInfo>>> (IGrainFactory grains) => TypedResults.Ok(await Library(grains).List()))
            .WithName("ListImages").WithSummary("List the image library");

        images.MapGet("/{name}", async Task<Ok<ImageInfo>> (string name, IGrainFactory grains) =>
            TypedResults.Ok(Edge.Found(await Library(grains).Get(Edge.ImageName(name)), "image", name, ListHint)))
            .WithName("GetImage").WithSummary("Show an image").ProducesProblems(400, 404);

        images.MapPost("/", async Task<Created<ImageInfo>> (
            [Description("The image's name, e.g. debian-12.iso.")] string? name,
            [Description("iso or disk (default: iso when the name ends in .iso, else disk).")] string? kind,
            [Description("A disk image's format: qcow2, raw, vhdx or vhd (default: from the name's extension).")] string? format,
            [Description("The storage pool to keep it in (default: the first pool of a Ready host).")] string? pool,
            HttpContext context,
            ImageUploader uploader) =>
        {
            var plan = ImageUploadPlan.Parse(name, kind, format, pool);
            var image = await uploader.UploadAsync(plan, context);
            return TypedResults.Created($"/api/v1/images/{image.Name}", image);
        })
        .Accepts<Stream>("application/octet-stream")
        .WithName("UploadImage").WithSummary("Upload an image into the library; the body is the file")
        .ProducesProblems(400, 404, 409, 415);

        images.MapDelete("/{name}", async Task<NoContent> (string name, IGrainFactory grains, ILoggerFactory loggers) =>
        {
            var library = Library(grains);
            var image = Edge.Found(await library.Get(Edge.ImageName(name)), "image", name, ListHint);
            var pool = await PoolFolders.ResolveAsync(grains, image.Pool);
            var file = PoolFolders.Inside(pool, image.Path);
            await library.Remove(name);
            try
            {
                File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogFileLeft(loggers.CreateLogger(typeof(ImageEndpoints)), name, file, e.Message);
                throw new FabricException(FabricErrorKind.Unavailable, "file",
                    $"image '{name}' was removed from the library but its file {file} could not be deleted ({e.Message}); delete it by hand");
            }

            return TypedResults.NoContent();
        }).WithName("DeleteImage").WithSummary("Delete an image that no VM uses, and its file")
            .ProducesProblems(400, 404, 409);
    }

    private static IImageLibraryGrain Library(IGrainFactory grains) => grains.GetGrain<IImageLibraryGrain>(IImageLibraryGrain.Key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Image {Name} removed but {Path} not deleted: {Reason}")]
    private static partial void LogFileLeft(ILogger logger, string name, string path, string reason);
}
