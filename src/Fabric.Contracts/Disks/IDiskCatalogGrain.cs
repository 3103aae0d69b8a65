using Orleans.Concurrency;

namespace Fabric.Contracts.Disks;

/// <summary>Index of disk names; one instance, key <see cref="Key"/>.</summary>
[Alias("fabric.IDiskCatalogGrain")]
public interface IDiskCatalogGrain : IGrainWithStringKey
{
    const string Key = "all";

    [Alias("Add")]
    Task Add(string disk);

    [Alias("Remove")]
    Task Remove(string disk);

    [Alias("List"), AlwaysInterleave]
    Task<IReadOnlyList<DiskInfo>> List();
}
