using Fabric.Contracts.Disks;

namespace Fabric.Grains.Inventory;

/// <summary>Index of disk names.</summary>
[GrainType("disk-catalog")]
public sealed class DiskCatalogGrain(
    [PersistentState("disks", GrainStorageNames.Default)] IPersistentState<NameIndexRecord> state) : Grain, IDiskCatalogGrain
{
    public async Task Add(string disk)
    {
        if (state.State.Names.Add(disk))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task Remove(string disk)
    {
        if (state.State.Names.Remove(disk))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task<IReadOnlyList<DiskInfo>> List()
    {
        var infos = await Task.WhenAll(state.State.Names.Select(name => GrainFactory.GetGrain<IDiskGrain>(name).Get()));
        return [.. infos.OfType<DiskInfo>()];
    }
}
