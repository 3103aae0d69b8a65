using Fabric.Contracts.Disks;
using Fabric.Contracts.Images;
using Fabric.Contracts.Tasks;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Fabric.Grains.Operations;

namespace Fabric.Grains.Disks;

/// <summary>Changes to an existing disk's image: grow, convert, export, snapshots, delete.</summary>
public sealed partial class DiskGrain
{
    public async Task<DiskInfo> Grow(long newSizeBytes, string? attachedVm)
    {
        var record = Existing();
        if (record.AttachedTo is { } owner && owner != attachedVm)
        {
            throw FabricException.Conflict("disk", $"disk '{Name}' is attached to VM '{owner}'; grow it through the VM (fabric disk grow does that)");
        }

        if (newSizeBytes < record.VirtualSizeBytes)
        {
            throw FabricException.Invalid("sizeBytes",
                $"{Sizes.Describe(newSizeBytes)} is smaller than the disk's {Sizes.Describe(record.VirtualSizeBytes)}: shrinking would cut off the data at the end of the disk, so Fabric never shrinks");
        }

        if (DiskRules.ValidateSize(newSizeBytes) is { } problem)
        {
            throw FabricException.Invalid("sizeBytes", problem);
        }

        if (newSizeBytes == record.VirtualSizeBytes)
        {
            return Describe();
        }

        var result = await HostTaskRunner.RunOnPoolAsync(GrainFactory, record.Pool,
            new GrowImageTask(OperationIds.New(), record.Pool, record.Path, record.Format, newSizeBytes), "sizeBytes");
        Apply(result.Image);
        await state.WriteStateAsync();
        return Describe();
    }

    public async Task<DiskInfo> Convert(string format)
    {
        var record = Existing();
        var target = DiskRules.NormalizeFormat(format) ?? throw FabricException.Invalid("format", DiskRules.ValidateFormat(format)!);
        await ThrowIfInUseAsync("convert");
        await ThrowIfClonedAsync("convert");
        if (record.Snapshots.Count > 0)
        {
            throw FabricException.Conflict("disk", $"disk '{Name}' has snapshots ({string.Join(", ", record.Snapshots)}), which a conversion would lose; delete them first");
        }

        if (target == record.Format)
        {
            return Describe();
        }

        var path = DiskPaths.ForDisk(Name, target);
        var result = await HostTaskRunner.RunOnPoolAsync(GrainFactory, record.Pool,
            new ConvertImageTask(OperationIds.New(), record.Pool, record.Path, record.Format, record.Pool, path, target), "format");
        var oldPath = record.Path;
        (record.Path, record.Format, record.BackingDisk) = (path, target, null);
        Apply(result.Image);
        await state.WriteStateAsync();
        await HostTaskRunner.RunOnPoolAsync(GrainFactory, record.Pool, new DeleteImageTask(OperationIds.New(), record.Pool, oldPath), "disk");
        return Describe();
    }

    public async Task<ImageInfo> Export(string imageName, string format)
    {
        var record = Existing();
        var target = DiskRules.NormalizeFormat(format) ?? throw FabricException.Invalid("format", DiskRules.ValidateFormat(format)!);
        if (ResourceNames.ValidateImageName(imageName) is { } problem)
        {
            throw FabricException.Invalid("image", problem);
        }

        await ThrowIfInUseAsync("export");
        var library = GrainFactory.GetGrain<IImageLibraryGrain>(IImageLibraryGrain.Key);
        if (await library.Get(imageName) is not null)
        {
            throw FabricException.Conflict("image", $"an image named '{imageName}' already exists; pick another name");
        }

        var path = DiskPaths.ForImage(imageName, target);
        var result = await HostTaskRunner.RunOnPoolAsync(GrainFactory, record.Pool,
            new ConvertImageTask(OperationIds.New(), record.Pool, record.Path, record.Format, record.Pool, path, target), "image");
        return await library.Add(new ImageInfo
        {
            Name = imageName, Kind = ImageKind.Disk, Pool = record.Pool, Path = path, Format = target,
            SizeBytes = result.Image?.AllocatedBytes ?? 0, AddedAt = time.GetUtcNow(),
        });
    }

    public async Task<DiskInfo> Snapshot(SnapshotAction action, string name)
    {
        var record = Existing();
        if (ResourceNames.ValidateLabel(name, "snapshot") is { } problem)
        {
            throw FabricException.Invalid("snapshot", problem);
        }

        if (record.Format != "qcow2")
        {
            throw FabricException.Invalid("disk", $"disk '{Name}' is {record.Format}; snapshots need qcow2 (convert it with fabric disk convert)");
        }

        var exists = record.Snapshots.Contains(name, StringComparer.Ordinal);
        if (action == SnapshotAction.Create ? exists : !exists)
        {
            throw action == SnapshotAction.Create
                ? FabricException.Conflict("snapshot", $"disk '{Name}' already has a snapshot '{name}'")
                : FabricException.NotFound("snapshot", name, $"disk '{Name}' has {(record.Snapshots.Count == 0 ? "none" : string.Join(", ", record.Snapshots))}");
        }

        await ThrowIfInUseAsync($"{action.ToString().ToLowerInvariant()} a snapshot of");
        if (action == SnapshotAction.Revert)
        {
            await ThrowIfClonedAsync("revert");
        }
        var result = await HostTaskRunner.RunOnPoolAsync(GrainFactory, record.Pool,
            new SnapshotImageTask(OperationIds.New(), record.Pool, record.Path, action, name), "snapshot");
        Apply(result.Image);
        await state.WriteStateAsync();
        return Describe();
    }

    public async Task Delete()
    {
        var record = Existing();
        if (record.AttachedTo is { } owner)
        {
            throw FabricException.Conflict("disk", $"disk '{Name}' is attached to VM '{owner}'; detach it first (fabric disk detach {Name})");
        }

        await ThrowIfClonedAsync("delete");

        await HostTaskRunner.RunOnPoolAsync(GrainFactory, record.Pool, new DeleteImageTask(OperationIds.New(), record.Pool, record.Path), "disk");
        await state.ClearStateAsync();
        await GrainFactory.GetGrain<IDiskCatalogGrain>(IDiskCatalogGrain.Key).Remove(Name);
    }

    /// <summary>Linked clones read unchanged blocks from this image: changing or removing it would corrupt them.</summary>
    private async Task ThrowIfClonedAsync(string verb)
    {
        var clones = (await GrainFactory.GetGrain<IDiskCatalogGrain>(IDiskCatalogGrain.Key).List())
            .Where(d => d.BackingDisk == Name).Select(d => d.Name).ToList();
        if (clones.Count > 0)
        {
            throw FabricException.Conflict("disk", $"cannot {verb} disk '{Name}': linked clone(s) {string.Join(", ", clones)} are based on it; delete or convert them first");
        }
    }

    /// <summary>An image a running VM holds open is locked by QEMU; refuse before a host fails on the lock.</summary>
    private async Task ThrowIfInUseAsync(string verb)
    {
        if (state.State.AttachedTo is not { } vm)
        {
            return;
        }

        var info = await GrainFactory.GetGrain<IVmGrain>(vm).Get();
        if (info is not null && (info.Desired != PowerState.Stopped || info.Observed is not VmStatus.Stopped))
        {
            throw FabricException.Conflict("disk", $"cannot {verb} disk '{Name}' while VM '{vm}' is {info.Observed}; shut the VM down first");
        }
    }
}
