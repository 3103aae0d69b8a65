using Fabric.Contracts.Disks;
using Fabric.Contracts.Images;
using Fabric.Contracts.Tasks;
using Fabric.Contracts.Validation;
using Fabric.Grains.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace Fabric.Grains.Disks;

/// <summary>
/// One virtual disk. The image file lives in a storage pool on the hosts; every change to it is a
/// task run by a host that sees the pool, and the grain records the outcome only when it succeeded.
/// </summary>
[GrainType("disk")]
public sealed partial class DiskGrain(
    [PersistentState("disk", GrainStorageNames.Default)] IPersistentState<DiskRecord> state,
    [FromKeyedServices(FabricTime.Key)] TimeProvider time) : Grain, IDiskGrain
{
    private string Name => this.GetPrimaryKeyString();

    public async Task<DiskInfo> Create(CreateDiskRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var format = DiskRules.NormalizeFormat(request.Format);
        ThrowIfInvalid(CreateDiskRequestValidator.Validate(request with { Name = Name }));
        if (state.RecordExists)
        {
            throw FabricException.Conflict("name", $"a disk named '{Name}' already exists; pick another name");
        }

        var (host, pool) = await HostTaskRunner.DescribePoolAsync(GrainFactory, request.Pool);
        var path = DiskPaths.ForDisk(Name, format!);
        HostTask task;
        string? backing = null;
        if (request.FromImage is { } imageName)
        {
            var image = await GrainFactory.GetGrain<IImageLibraryGrain>(IImageLibraryGrain.Key).Get(imageName)
                ?? throw FabricException.NotFound("image", imageName, "list images with 'fabric image list'");
            if (image.Kind != ImageKind.Disk)
            {
                throw FabricException.Invalid("fromImage", $"image '{imageName}' is an ISO, not a disk image");
            }

            task = new ConvertImageTask(OperationIds.New(), image.Pool, image.Path, image.Format, pool.Name, path, format!);
        }
        else if (request.CloneOf is { } template)
        {
            var source = await GrainFactory.GetGrain<IDiskGrain>(template).Get()
                ?? throw FabricException.NotFound("disk", template, "list disks with 'fabric disk list'");
            if (source.AttachedTo is { } user)
            {
                // A template must not change under its clones: clone only a disk no VM uses.
                throw FabricException.Conflict("cloneOf", $"disk '{template}' is attached to VM '{user}'; detach it (make it a template) before cloning");
            }
            format = "qcow2";
            path = DiskPaths.ForDisk(Name, format);
            backing = template;
            task = new CreateImageTask(OperationIds.New(), source.Pool, path, format, source.VirtualSizeBytes, source.Path, source.Format);
            pool = pool with { Name = source.Pool };
        }
        else
        {
            if (request.SizeBytes > pool.FreeBytes)
            {
                throw FabricException.Invalid("sizeBytes", $"{Sizes.Describe(request.SizeBytes!.Value)} is more than the {Sizes.Describe(pool.FreeBytes)} free in pool '{pool.Name}'");
            }

            task = new CreateImageTask(OperationIds.New(), pool.Name, path, format!, request.SizeBytes!.Value, null, null);
        }

        // The host that described the pool runs the task, unless a clone moved it to its template's pool.
        var result = backing is null
            ? await HostTaskRunner.RunOnHostAsync(GrainFactory, host, task, "disk", HostTaskRunner.ImageTaskDeadline)
            : await HostTaskRunner.RunOnPoolAsync(GrainFactory, pool.Name, task, "disk");
        state.State = new DiskRecord { Pool = pool.Name, Format = format!, Path = path, BackingDisk = backing, CreatedAt = time.GetUtcNow() };
        Apply(result.Image);
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IDiskCatalogGrain>(IDiskCatalogGrain.Key).Add(Name);
        return Describe();
    }

    public Task<DiskInfo?> Get() => Task.FromResult(state.RecordExists ? Describe() : null);

    public async Task<DiskInfo> Attach(string vm)
    {
        var record = Existing();
        if (record.AttachedTo is { } owner && owner != vm)
        {
            throw FabricException.Conflict("disk", $"disk '{Name}' is attached to VM '{owner}'; detach it there first");
        }

        record.AttachedTo = vm;
        await state.WriteStateAsync();
        return Describe();
    }

    public async Task Detach(string vm)
    {
        if (state.RecordExists && state.State.AttachedTo == vm)
        {
            state.State.AttachedTo = null;
            await state.WriteStateAsync();
        }
    }

    public async Task SizeChanged(long virtualSizeBytes)
    {
        if (state.RecordExists && state.State.VirtualSizeBytes != virtualSizeBytes)
        {
            state.State.VirtualSizeBytes = virtualSizeBytes;
            await state.WriteStateAsync();
        }
    }

    private DiskRecord Existing() =>
        state.RecordExists ? state.State : throw FabricException.NotFound("disk", Name, "list disks with 'fabric disk list'");

    private void Apply(ImageFacts? facts)
    {
        if (facts is not null)
        {
            state.State.VirtualSizeBytes = facts.VirtualSizeBytes;
            state.State.AllocatedBytes = facts.AllocatedBytes;
            state.State.Snapshots = [.. facts.Snapshots];
        }
    }

    private static void ThrowIfInvalid(IReadOnlyList<ValidationProblem> problems)
    {
        if (problems.Count > 0)
        {
            throw new FabricException(FabricErrorKind.Invalid, problems);
        }
    }

    private DiskInfo Describe()
    {
        var r = state.State;
        return new DiskInfo
        {
            Name = Name,
            Pool = r.Pool,
            Format = r.Format,
            Path = r.Path,
            VirtualSizeBytes = r.VirtualSizeBytes,
            AllocatedBytes = r.AllocatedBytes,
            AttachedTo = r.AttachedTo,
            Snapshots = [.. r.Snapshots],
            BackingDisk = r.BackingDisk,
            CreatedAt = r.CreatedAt,
        };
    }
}
