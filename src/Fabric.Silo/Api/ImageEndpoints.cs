using Fabric.Contracts.Images;
using Fabric.Contracts.Validation;

namespace Fabric.Silo.Api;

/// <summary>REST: <c>/api/v1/images</c>: the image library (ISOs, importable disk images); upload is the raw body.</summary>
public static partial class ImageEndpoints
{
    private const string ListHint = "list images with GET /api/v1/images";

    public static void MapImageEndpoints(this IEndpointRouteBuilder api)
    {
        var images = api.MapGroup("/images").WithTags("Images");

        images.MapGet("/", async (IGrainFactory grains) => Results.Ok(await Library(grains).List())).WithName("ListImages");

        images.MapGet("/{name}", async (string name, IGrainFactory grains) =>
            Results.Ok(Edge.Found(await Library(grains).Get(Edge.ImageName(name)), "image", name, ListHint))).WithName("GetImage");

        images.MapPost("/", async (string? name, string? kind, string? format, string? pool, HttpContext context, ImageUploader uploader) =>
        {
            var plan = ImageUploadPlan.Parse(name, kind, format, pool);
            var image = await uploader.UploadAsync(plan, context);
            return Results.Created($"/api/v1/images/{image.Name}", image);
        })
        .Accepts<Stream>("application/octet-stream")
        .WithName("UploadImage");

        images.MapDelete("/{name}", async (string name, IGrainFactory grains, ILoggerFactory loggers) =>
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

            return Results.NoContent();
        }).WithName("DeleteImage");
    }

    private static IImageLibraryGrain Library(IGrainFactory grains) => grains.GetGrain<IImageLibraryGrain>(IImageLibraryGrain.Key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Image {Name} removed but {Path} not deleted: {Reason}")]
    private static partial void LogFileLeft(ILogger logger, string name, string path, string reason);
}
