using Fabric.Contracts.Images;
using Fabric.Contracts.Validation;

namespace Fabric.Grains.Images;

/// <summary>The image library: ISOs and importable disk images, and which VMs use them.</summary>
[GrainType("image-library")]
public sealed class ImageLibraryGrain(
    [PersistentState("images", GrainStorageNames.Default)] IPersistentState<ImageLibraryRecord> state) : Grain, IImageLibraryGrain
{
    public async Task<ImageInfo> Add(ImageInfo image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (ResourceNames.ValidateImageName(image.Name) is { } problem)
        {
            throw FabricException.Invalid("name", problem);
        }

        if (state.State.Images.ContainsKey(image.Name))
        {
            throw FabricException.Conflict("name", $"an image named '{image.Name}' already exists; pick another name or delete it first");
        }

        state.State.Images[image.Name] = image with { UsedBy = [] };
        await state.WriteStateAsync();
        return Describe(image.Name)!;
    }

    public Task<IReadOnlyList<ImageInfo>> List() =>
        Task.FromResult<IReadOnlyList<ImageInfo>>([.. state.State.Images.Keys.Select(n => Describe(n)!)]);

    public Task<ImageInfo?> Get(string name) => Task.FromResult(Describe(name));

    public async Task<ImageInfo> Remove(string name)
    {
        var image = Describe(name) ?? throw FabricException.NotFound("image", name, "list images with 'fabric image list'");
        if (image.UsedBy.Count > 0)
        {
            throw FabricException.Conflict("name", $"image '{name}' is in use by VM(s) {string.Join(", ", image.UsedBy)}; eject it from them first");
        }

        state.State.Images.Remove(name);
        state.State.Users.Remove(name);
        await state.WriteStateAsync();
        return image;
    }

    public async Task Use(string name, string vm)
    {
        if (!state.State.Images.ContainsKey(name))
        {
            throw FabricException.NotFound("image", name, "add it with 'fabric image add PATH' or list images with 'fabric image list'");
        }

        if (UsersOf(name).Add(vm))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task Release(string name, string vm)
    {
        if (state.State.Users.TryGetValue(name, out var users) && users.Remove(vm))
        {
            await state.WriteStateAsync();
        }
    }

    private SortedSet<string> UsersOf(string name)
    {
        if (!state.State.Users.TryGetValue(name, out var users))
        {
            users = new SortedSet<string>(StringComparer.Ordinal);
            state.State.Users[name] = users;
        }

        return users;
    }

    private ImageInfo? Describe(string name) =>
        state.State.Images.TryGetValue(name, out var image)
            ? image with { UsedBy = state.State.Users.TryGetValue(name, out var users) ? [.. users] : [] }
            : null;
}
