using System.Collections.Concurrent;
using Fabric.Hypervisor.Storage;

namespace Fabric.Hypervisor.Simulated;

/// <summary>Disk images as dictionary entries, with the same pool and size rules as the qemu-img store.</summary>
internal sealed class SimulatedDiskStore(SimulatedHypervisor driver, StoragePools pools, long capacity) : IDiskStore
{
    private readonly ConcurrentDictionary<string, DiskImageInfo> _images = new(StringComparer.Ordinal);

    public async Task<DiskImageInfo> CreateAsync(DiskCreateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await driver.EnterAsync("CreateDisk", cancellationToken);
        request.Format.ToQemu();
        var path = pools.Resolve(request.Path, "Disk");
        if (request.SizeBytes <= 0)
        {
            throw new HypervisorException(HypervisorErrorCode.InvalidSpec, $"Disk '{request.Path}' needs a size above zero (got {request.SizeBytes} bytes).");
        }

        RequireSpace(path, request.SizeBytes);
        return Add(new DiskImageInfo(path.FullPath, request.Format, request.SizeBytes, 0, null, []));
    }

    public async Task<DiskImageInfo> GetInfoAsync(string path, DiskFormat format, CancellationToken cancellationToken)
    {
        await driver.EnterAsync("GetDiskInfo", cancellationToken);
        return Require(path);
    }

    public async Task<DiskImageInfo> GrowAsync(string path, DiskFormat format, long newSizeBytes, CancellationToken cancellationToken)
    {
        await driver.EnterAsync("GrowDisk", cancellationToken);
        var image = Require(path);
        if (newSizeBytes <= image.VirtualSizeBytes)
        {
            throw new HypervisorException(HypervisorErrorCode.InvalidSpec, $"Disk '{path}' is {image.VirtualSizeBytes} bytes; it can only grow.");
        }

        RequireSpace(pools.Resolve(path, "Disk"), newSizeBytes - image.VirtualSizeBytes);
        return _images[image.Path] = image with { VirtualSizeBytes = newSizeBytes };
    }

    public async Task<DiskImageInfo> ConvertAsync(string sourcePath, DiskFormat sourceFormat, string targetPath, DiskFormat targetFormat, CancellationToken cancellationToken)
    {
        await driver.EnterAsync("ConvertDisk", cancellationToken);
        var source = Require(sourcePath);
        return Add(source with { Path = pools.Resolve(targetPath, "Target disk").FullPath, Format = targetFormat, Snapshots = [] });
    }

    public async Task<DiskCheckResult> CheckAsync(string path, DiskFormat format, CancellationToken cancellationToken)
    {
        await driver.EnterAsync("CheckDisk", cancellationToken);
        Require(path);
        return new DiskCheckResult(true, 0, 0, "simulated: clean");
    }

    public async Task<DiskImageInfo> CreateLinkedCloneAsync(string basePath, DiskFormat baseFormat, string clonePath, CancellationToken cancellationToken)
    {
        await driver.EnterAsync("CreateLinkedClone", cancellationToken);
        var baseImage = Require(basePath);
        return Add(new DiskImageInfo(pools.Resolve(clonePath, "Clone disk").FullPath, DiskFormat.Qcow2, baseImage.VirtualSizeBytes, 0, baseImage.Path, []));
    }

    public Task CreateSnapshotAsync(string path, string name, CancellationToken cancellationToken) =>
        Snapshot(path, image => image.Snapshots.Contains(name) ? image : image with { Snapshots = [.. image.Snapshots, name] });

    public async Task<IReadOnlyList<string>> ListSnapshotsAsync(string path, CancellationToken cancellationToken)
    {
        await driver.EnterAsync("ListSnapshots", cancellationToken);
        return RequireQcow2(path).Snapshots;
    }

    public Task RevertToSnapshotAsync(string path, string name, CancellationToken cancellationToken) =>
        Snapshot(path, image => image.Snapshots.Contains(name) ? image : throw new HypervisorException(HypervisorErrorCode.NotFound, $"Disk '{path}' has no snapshot '{name}'."));

    public Task DeleteSnapshotAsync(string path, string name, CancellationToken cancellationToken) =>
        Snapshot(path, image => image.Snapshots.Contains(name)
            ? image with { Snapshots = [.. image.Snapshots.Where(s => s != name)] }
            : throw new HypervisorException(HypervisorErrorCode.NotFound, $"Disk '{path}' has no snapshot '{name}'."));

    public async Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        await driver.EnterAsync("DeleteDisk", cancellationToken);
        _images.TryRemove(Require(path).Path, out _);
    }

    private async Task Snapshot(string path, Func<DiskImageInfo, DiskImageInfo> change)
    {
        await driver.EnterAsync("Snapshot", CancellationToken.None);
        var image = RequireQcow2(path);
        _images[image.Path] = change(image);
    }

    private DiskImageInfo Add(DiskImageInfo image) => _images.TryAdd(image.Path, image)
        ? image
        : throw new HypervisorException(HypervisorErrorCode.InvalidSpec, $"'{image.Path}' already exists; choose another name or delete it first.");

    private DiskImageInfo Require(string path) => _images.TryGetValue(pools.Resolve(path, "Disk").FullPath, out var image)
        ? image
        : throw new HypervisorException(HypervisorErrorCode.NotFound, $"Disk '{path}' does not exist.");

    private DiskImageInfo RequireQcow2(string path) => Require(path) is { Format: DiskFormat.Qcow2 } image
        ? image
        : throw new HypervisorException(HypervisorErrorCode.Unsupported, $"Disk '{path}' is not qcow2; internal snapshots need qcow2 (convert it first).");

    private void RequireSpace(StoragePath path, long bytes)
    {
        var used = _images.Values.Where(i => i.Path.StartsWith(path.PoolRoot + "/", StringComparison.Ordinal)).Sum(i => i.VirtualSizeBytes);
        if (bytes > capacity - used)
        {
            throw new HypervisorException(HypervisorErrorCode.InsufficientSpace,
                $"Pool '{path.Pool}' has {capacity - used} bytes free, {bytes} are needed; free space or use another pool.");
        }
    }
}
