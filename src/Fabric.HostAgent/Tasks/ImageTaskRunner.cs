using Fabric.Contracts.Disks;
using Fabric.Contracts.Tasks;
using Fabric.HostAgent.Reconcile;
using Fabric.Hypervisor;

namespace Fabric.HostAgent.Tasks;

/// <summary>Carries out image tasks with the driver's disk store; every file is named by pool and path and resolved here.</summary>
public sealed class ImageTaskRunner(IHypervisor hypervisor, PoolPaths paths)
{
    private IDiskStore Disks => hypervisor.Disks;

    public async Task<HostTaskResult> RunAsync(HostTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        DiskImageInfo? info = task switch
        {
            CreateImageTask create => await CreateAsync(create, cancellationToken),
            GrowImageTask grow => await Disks.GrowAsync(paths.Resolve(grow.Pool, grow.Path), DiskFormatNames.Parse(grow.Format), grow.SizeBytes, cancellationToken),
            ConvertImageTask convert => await ConvertAsync(convert, cancellationToken),
            InspectImageTask inspect => await Disks.GetInfoAsync(paths.Resolve(inspect.Pool, inspect.Path), DiskFormatNames.Parse(inspect.Format), cancellationToken),
            SnapshotImageTask snapshot => await SnapshotAsync(snapshot, cancellationToken),
            DeleteImageTask delete => await DeleteAsync(delete, cancellationToken),
            _ => throw new InvalidOperationException($"this agent does not know task {task.GetType().Name}; upgrade it"),
        };
        return new HostTaskResult
        {
            Id = task.Id,
            Image = info is null ? null : new ImageFacts(info.Format.ToQemu(), info.VirtualSizeBytes, info.ActualSizeBytes, info.Snapshots),
        };
    }

    private async Task<DiskImageInfo> CreateAsync(CreateImageTask task, CancellationToken cancellationToken)
    {
        var path = paths.Resolve(task.Pool, task.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return task.BasePath is { } basePath
            ? await Disks.CreateLinkedCloneAsync(paths.Resolve(task.Pool, basePath), DiskFormatNames.Parse(task.BaseFormat!), path, cancellationToken)
            : await Disks.CreateAsync(new DiskCreateRequest(path, DiskFormatNames.Parse(task.Format), task.SizeBytes), cancellationToken);
    }

    private async Task<DiskImageInfo> ConvertAsync(ConvertImageTask task, CancellationToken cancellationToken)
    {
        var source = paths.Resolve(task.Pool, task.Path);
        var facts = await Disks.GetInfoAsync(source, DiskFormatNames.Parse(task.Format), cancellationToken);
        if (facts.BackingFile is { } backing && task.Path.StartsWith("images/", StringComparison.Ordinal))
        {
            // An uploaded image is untrusted: a backing file would make qemu-img read any host file into the disk.
            throw new InvalidOperationException($"image {task.Path} refers to a backing file ({backing}); upload a standalone image (qemu-img convert it first)");
        }

        var target = paths.Resolve(task.TargetPool, task.TargetPath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        return await Disks.ConvertAsync(source, DiskFormatNames.Parse(task.Format), target,
            DiskFormatNames.Parse(task.TargetFormat), cancellationToken);
    }

    private async Task<DiskImageInfo> SnapshotAsync(SnapshotImageTask task, CancellationToken cancellationToken)
    {
        var path = paths.Resolve(task.Pool, task.Path);
        var action = task.Action switch
        {
            SnapshotAction.Create => Disks.CreateSnapshotAsync(path, task.Name, cancellationToken),
            SnapshotAction.Revert => Disks.RevertToSnapshotAsync(path, task.Name, cancellationToken),
            _ => Disks.DeleteSnapshotAsync(path, task.Name, cancellationToken),
        };
        await action;
        return await Disks.GetInfoAsync(path, DiskFormat.Qcow2, cancellationToken);
    }

    private async Task<DiskImageInfo?> DeleteAsync(DeleteImageTask task, CancellationToken cancellationToken)
    {
        var path = paths.Resolve(task.Pool, task.Path);
        if (File.Exists(path))
        {
            await Disks.DeleteAsync(path, cancellationToken);
        }

        return null;
    }
}
