using Orleans.Concurrency;

namespace Fabric.Contracts.Disks;

/// <summary>One virtual disk, keyed by its name. Image work runs on a host that sees the disk's pool.</summary>
[Alias("fabric.IDiskGrain")]
public interface IDiskGrain : IGrainWithStringKey
{
    [Alias("Create"), ResponseTimeout("00:30:00")]
    Task<DiskInfo> Create(CreateDiskRequest request);

    [Alias("Get"), AlwaysInterleave]
    Task<DiskInfo?> Get();

    /// <summary>
    /// Grows the image file of a disk no running VM uses; shrinking is refused. An attached disk is
    /// grown by its VM (<see cref="Vms.IVmGrain.GrowDisk"/>), which passes itself as <paramref name="attachedVm"/>.
    /// </summary>
    [Alias("Grow"), ResponseTimeout("00:30:00")]
    Task<DiskInfo> Grow(long newSizeBytes, string? attachedVm);

    /// <summary>Converts the image to another format in place (same name, new file).</summary>
    [Alias("Convert"), ResponseTimeout("00:30:00")]
    Task<DiskInfo> Convert(string format);

    /// <summary>Copies the disk into the image library as <paramref name="imageName"/> in <paramref name="format"/> (e.g. VHDX for Hyper-V).</summary>
    [Alias("Export"), ResponseTimeout("00:30:00")]
    Task<Images.ImageInfo> Export(string imageName, string format);

    [Alias("Snapshot"), ResponseTimeout("00:10:00")]
    Task<DiskInfo> Snapshot(SnapshotAction action, string name);

    /// <summary>Deletes a detached disk and its image file.</summary>
    [Alias("Delete"), ResponseTimeout("00:10:00")]
    Task Delete();

    /// <summary>Marks the disk attached to a VM; refused when attached elsewhere.</summary>
    [Alias("Attach")]
    Task<DiskInfo> Attach(string vm);

    [Alias("Detach")]
    Task Detach(string vm);

    /// <summary>Records a size change made through a running VM (online grow).</summary>
    [Alias("SizeChanged")]
    Task SizeChanged(long virtualSizeBytes);
}
