using System.Buffers;
using Fabric.Contracts.Images;
using Fabric.Contracts.Validation;
using Fabric.Silo.Configuration;
using Microsoft.AspNetCore.Http.Features;

namespace Fabric.Silo.Api;

/// <summary>
/// Streams an uploaded image into its pool's <c>images/</c> folder under a temporary name and
/// renames it when complete and checked, then registers it in the library. On any failure the
/// partial file is deleted, so a refused or broken upload leaves nothing behind.
/// </summary>
internal sealed partial class ImageUploader(IGrainFactory grains, SiloSettings settings, TimeProvider time, ILogger<ImageUploader> logger)
{
    private const int BufferSize = 1 << 20;

    public async Task<ImageInfo> UploadAsync(ImageUploadPlan plan, HttpContext context)
    {
        var library = grains.GetGrain<IImageLibraryGrain>(IImageLibraryGrain.Key);
        if (await library.Get(plan.Name) is not null)
        {
            throw FabricException.Conflict("name", $"an image named '{plan.Name}' already exists; pick another name or delete it first");
        }

        var pool = await PoolFolders.ResolveAsync(grains, plan.Pool);
        var final = PoolFolders.Inside(pool, plan.RelativePath);
        if (File.Exists(final))
        {
            throw FabricException.Conflict("name", $"{final} already exists in pool '{pool.Name}' but is not in the library; move it away or pick another name");
        }

        var length = context.Request.ContentLength;
        if (length == 0)
        {
            throw FabricException.Invalid("file", "the request body is empty; send the image file as the body (application/octet-stream)");
        }

        var folder = Path.GetDirectoryName(final)!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FabricException(FabricErrorKind.Unavailable, "pool", $"this silo cannot write to {folder} in pool '{pool.Name}': {e.Message}");
        }

        var free = new DriveInfo(folder).AvailableFreeSpace;
        if (length > free)
        {
            throw TooLargeForPool(Sizes.Describe(length.Value), pool.Name, free);
        }

        if (length > settings.MaxUploadBytes)
        {
            throw TooLargeForSilo(Sizes.Describe(length.Value), settings.MaxUploadBytes!.Value);
        }

        // Large ISOs: this endpoint alone lifts Kestrel's 30 MB request size limit, to what the pool
        // can hold (and the silo accepts), so a body sent without Content-Length is held to it too.
        var allowed = Math.Min(free, settings.MaxUploadBytes ?? long.MaxValue);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = allowed;
        }

        var temporary = Path.Combine(folder, $".upload-{Guid.NewGuid():N}.part");
        long written;
        try
        {
            written = await CopyCheckedAsync(context.Request.Body, temporary, plan.Kind, context.RequestAborted);
            File.Move(temporary, final, overwrite: false);
        }
        catch (Exception e)
        {
            TryDelete(temporary);
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                var size = $"more than {Sizes.Describe(allowed)}";
                throw allowed == free ? TooLargeForPool(size, pool.Name, free) : TooLargeForSilo(size, allowed);
            }

            if (e is IOException && File.Exists(final))
            {
                throw FabricException.Conflict("name", $"another upload of '{plan.Name}' finished first");
            }

            if (e is UnauthorizedAccessException)
            {
                throw new FabricException(FabricErrorKind.Unavailable, "pool", $"this silo cannot write to {folder} in pool '{pool.Name}': {e.Message}");
            }

            throw;
        }

        var image = new ImageInfo
        {
            Name = plan.Name,
            Kind = plan.Kind,
            Pool = pool.Name,
            Path = plan.RelativePath,
            Format = plan.Format,
            SizeBytes = written,
            AddedAt = time.GetUtcNow(),
        };
        try
        {
            image = await library.Add(image);
        }
        catch
        {
            TryDelete(final);
            throw;
        }

        LogUploaded(logger, plan.Name, final, written);
        return image;
    }

    private static FabricException TooLargeForPool(string size, string pool, long free) =>
        FabricException.Conflict("file", $"the image is {size} but pool '{pool}' has {Sizes.Describe(free)} free; free space there or upload to another pool (pool=…)");

    private static FabricException TooLargeForSilo(string size, long max) =>
        FabricException.Invalid("file", $"the image is {size} but this silo accepts uploads up to {Sizes.Describe(max)} (Fabric:Images:MaxUploadBytes); raise that setting to upload larger images");

    private static async Task<long> CopyCheckedAsync(Stream body, string path, ImageKind kind, CancellationToken cancellationToken)
    {
        var header = kind == ImageKind.Iso ? new byte[Iso9660.HeaderLength] : null;
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long written = 0;
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, useAsync: true);
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                if (header is not null && written < header.Length)
                {
                    var take = (int)Math.Min(read, header.Length - written);
                    buffer.AsSpan(0, take).CopyTo(header.AsSpan((int)written));
                    if (written + take == header.Length)
                    {
                        ThrowUnlessIso(header);
                    }
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                written += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (header is not null && written < header.Length)
        {
            ThrowUnlessIso(header);
        }

        return written == 0
            ? throw FabricException.Invalid("file", "the request body is empty; send the image file as the body (application/octet-stream)")
            : written;
    }

    private static void ThrowUnlessIso(byte[] header)
    {
        if (!Iso9660.HasMagic(header))
        {
            throw FabricException.Invalid("file", "the file is not an ISO 9660 image (no 'CD001' at offset 0x8001); upload disk images with kind=disk");
        }
    }

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogLeftBehind(logger, path, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Image {Name} uploaded to {Path} ({Bytes} bytes)")]
    private static partial void LogUploaded(ILogger logger, string name, string path, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete {Path}: {Reason}")]
    private static partial void LogLeftBehind(ILogger logger, string path, string reason);
}
