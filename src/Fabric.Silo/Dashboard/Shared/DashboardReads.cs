using Fabric.Contracts.Disks;
using Fabric.Contracts.Images;
using Fabric.Contracts.Vms;

namespace Fabric.Silo.Dashboard.Shared;

/// <summary>The index-grain reads most pages share.</summary>
public static class DashboardReads
{
    public static Task<IReadOnlyList<VmInfo>> VmsAsync(IGrainFactory grains) =>
        grains.GetGrain<IVmCatalogGrain>(IVmCatalogGrain.Key).List();

    public static Task<IReadOnlyList<DiskInfo>> DisksAsync(IGrainFactory grains) =>
        grains.GetGrain<IDiskCatalogGrain>(IDiskCatalogGrain.Key).List();

    public static Task<IReadOnlyList<ImageInfo>> ImagesAsync(IGrainFactory grains) =>
        grains.GetGrain<IImageLibraryGrain>(IImageLibraryGrain.Key).List();
}
