namespace Fabric.Hypervisor;

/// <summary>
/// Disk images in the host's storage pools (qemu-img for the QEMU driver). Every path must lie in a
/// configured pool; every call names the format, because probing is unsafe (a fixed VHD probes as raw).
/// </summary>
public interface IDiskStore
{
    /// <summary>Creates an image; a failure leaves no file behind.</summary>
    Task<DiskImageInfo> CreateAsync(DiskCreateRequest request, CancellationToken cancellationToken);

    Task<DiskImageInfo> GetInfoAsync(string path, DiskFormat format, CancellationToken cancellationToken);

    /// <summary>Grows an image to <paramref name="newSizeBytes"/>; VHD and VHDX go through raw because qemu-img cannot resize them in place.</summary>
    Task<DiskImageInfo> GrowAsync(string path, DiskFormat format, long newSizeBytes, CancellationToken cancellationToken);

    /// <summary>Copies an image into another format (e.g. VHDX import, VHD export).</summary>
    Task<DiskImageInfo> ConvertAsync(string sourcePath, DiskFormat sourceFormat, string targetPath, DiskFormat targetFormat, CancellationToken cancellationToken);

    Task<DiskCheckResult> CheckAsync(string path, DiskFormat format, CancellationToken cancellationToken);

    /// <summary>A qcow2 overlay whose unchanged blocks are read from <paramref name="basePath"/>.</summary>
    Task<DiskImageInfo> CreateLinkedCloneAsync(string basePath, DiskFormat baseFormat, string clonePath, CancellationToken cancellationToken);

    /// <summary>Internal snapshots (qcow2 only) of an image no VM is using.</summary>
    Task CreateSnapshotAsync(string path, string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ListSnapshotsAsync(string path, CancellationToken cancellationToken);

    Task RevertToSnapshotAsync(string path, string name, CancellationToken cancellationToken);

    Task DeleteSnapshotAsync(string path, string name, CancellationToken cancellationToken);

    /// <summary>Deletes an image file.</summary>
    Task DeleteAsync(string path, CancellationToken cancellationToken);
}
