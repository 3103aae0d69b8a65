using Fabric.Contracts.Disks;
using Fabric.Contracts.Images;
using Fabric.Contracts.Inventory;
using Fabric.Contracts.Vms;

namespace Fabric.Silo.Dashboard.Shared;

/// <summary>The index-grain reads most pages share.</summary>
public static class DashboardReads
{
    /// <summary>Every VM, page after page from the VM index.</summary>
    public static async Task<IReadOnlyList<VmInfo>> VmsAsync(IGrainFactory grains)
    {
        var all = new List<VmInfo>();
        string? next = null;
        do
        {
            var page = await grains.GetGrain<IVmListGrain>(0).List(next, ListLimits.MaxLimit);
            all.AddRange(page.Items);
            next = page.Continue;
        }
        while (next is not null);
        return all;
    }

    public static Task<IReadOnlyList<DiskInfo>> DisksAsync(IGrainFactory grains) =>
        grains.GetGrain<IDiskCatalogGrain>(IDiskCatalogGrain.Key).List();

    public static Task<IReadOnlyList<ImageInfo>> ImagesAsync(IGrainFactory grains) =>
        grains.GetGrain<IImageLibraryGrain>(IImageLibraryGrain.Key).List();
}
