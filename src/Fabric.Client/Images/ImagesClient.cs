using Fabric.Contracts.Images;

namespace Fabric.Client.Images;

/// <summary>
/// Reads and trims the image library. Adding an image needs its file in a pool first: programs
/// upload through the REST API (<c>POST /api/v1/images</c>), which writes the file and registers it.
/// </summary>
public sealed class ImagesClient(IGrainFactory grains)
{
    public Task<IReadOnlyList<ImageInfo>> ListAsync() => Library.List();

    public Task<ImageInfo?> GetAsync(string name) => Library.Get(name);

    /// <summary>Registers an image whose file is already at <see cref="ImageInfo.Path"/> in its pool.</summary>
    public Task<ImageInfo> AddAsync(ImageInfo image) => Library.Add(image);

    /// <summary>Removes the entry and returns it; the caller deletes the file, which only it can reach.</summary>
    public Task<ImageInfo> RemoveAsync(string name) => Library.Remove(name);

    private IImageLibraryGrain Library => grains.GetGrain<IImageLibraryGrain>(IImageLibraryGrain.Key);
}
