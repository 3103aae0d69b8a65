using Fabric.Contracts.Disks;
using Fabric.Contracts.Images;
using Fabric.Contracts.Inventory;
using Fabric.Contracts.Vms;

namespace Fabric.Silo.Dashboard.Shared;

/// <summary>The index-grain reads most pages share.</summary>
public static class DashboardReads
{
    /// <summary>Every VM, page after page from the VM index.</summary>
    public static Task<IReadOnlyList<VmInfo>> VmsAsync(IGrainFactory grains) =>
        ListPages.AllAsync(next => grains.GetGrain<IVmListGrain>(0).List(next, ListLimits.MaxLimit));

    public static Task<IReadOnlyList<DiskInfo>> DisksAsync(IGrainFactory grains) =>
        grains.GetGrain<IDiskCatalogGrain>(IDiskCatalogGrain.Key).List();

    public static Task<IReadOnlyList<ImageInfo>> ImagesAsync(IGrainFactory grains) =>
        grains.GetGrain<IImageLibraryGrain>(IImageLibraryGrain.Key).List();
}
