using Orleans.Concurrency;

namespace Fabric.Contracts.Images;

/// <summary>The image library: ISOs and importable disk images in storage pools. One instance, key <see cref="Key"/>.</summary>
[Alias("fabric.IImageLibraryGrain")]
public interface IImageLibraryGrain : IGrainWithStringKey
{
    const string Key = "all";

    /// <summary>Registers an image whose file is already in a pool (uploaded or copied there); refuses a duplicate name.</summary>
    [Alias("Add")]
    Task<ImageInfo> Add(ImageInfo image);

    [Alias("List"), AlwaysInterleave]
    Task<IReadOnlyList<ImageInfo>> List();

    [Alias("Get"), AlwaysInterleave]
    Task<ImageInfo?> Get(string name);

    /// <summary>Removes the entry and returns it so the caller deletes the file; refused while a VM uses it.</summary>
    [Alias("Remove")]
    Task<ImageInfo> Remove(string name);

    [Alias("Use")]
    Task Use(string name, string vm);

    [Alias("Release")]
    Task Release(string name, string vm);
}
