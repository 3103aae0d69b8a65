using Fabric.Client.Vms;
using Fabric.Contracts.Disks;
using Fabric.Contracts.Images;
using Fabric.Contracts.Operations;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;

namespace Fabric.Client.Disks;

/// <summary>Virtual disks in storage pools: create, grow, convert, export, snapshots.</summary>
public sealed class DisksClient(IGrainFactory grains)
{
    public Task<IReadOnlyList<DiskInfo>> ListAsync() => grains.GetGrain<IDiskCatalogGrain>(IDiskCatalogGrain.Key).List();

    /// <summary>The disk, or <c>null</c> when none has this name.</summary>
    public Task<DiskInfo?> GetAsync(string name) => Disk(name).Get();

    public Task<DiskInfo> CreateAsync(CreateDiskRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (CreateDiskRequestValidator.Validate(request) is { Count: > 0 } problems)
        {
            throw new FabricException(FabricErrorKind.Invalid, problems);
        }

        return Disk(request.Name).Create(request);
    }

    /// <summary>
    /// Grows a disk. A disk attached to a VM grows through the VM (online when it runs) and the
    /// answer is that operation; a detached disk grows at once and the answer is the disk.
    /// </summary>
    public async Task<DiskGrowth> GrowAsync(string name, long newSizeBytes)
    {
        var disk = await Disk(name).Get() ?? throw FabricException.NotFound("disk", name, "list disks with 'fabric disk list'");
        return disk.AttachedTo is { } vm
            ? new DiskGrowth(null, await grains.GetGrain<IVmGrain>(vm).GrowDisk(name, newSizeBytes))
            : new DiskGrowth(await Disk(name).Grow(newSizeBytes, null), null);
    }

    public Task<DiskInfo> ConvertAsync(string name, string format) => Disk(name).Convert(format);

    public Task<ImageInfo> ExportAsync(string name, string imageName, string format = "qcow2") => Disk(name).Export(imageName, format);

    public Task<DiskInfo> SnapshotAsync(string name, SnapshotAction action, string snapshot) => Disk(name).Snapshot(action, snapshot);

    public Task DeleteAsync(string name) => Disk(name).Delete();

    private IDiskGrain Disk(string name) => grains.GetGrain<IDiskGrain>(VmsClient.Label(name, "disk"));
}
