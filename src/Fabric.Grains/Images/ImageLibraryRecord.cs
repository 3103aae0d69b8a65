using Fabric.Contracts.Images;

namespace Fabric.Grains.Images;

/// <summary>Stored image library: entries by name, and which VMs use each.</summary>
public sealed class ImageLibraryRecord
{
    public SortedDictionary<string, ImageInfo> Images { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, SortedSet<string>> Users { get; set; } = new(StringComparer.Ordinal);
}
