using Fabric.Contracts.Vms;

namespace Fabric.Grains.Inventory;

/// <summary>Index of VM names and of the MAC addresses they hold (unique cluster-wide).</summary>
[GrainType("vm-catalog")]
public sealed class VmCatalogGrain(
    [PersistentState("vms", GrainStorageNames.Default)] IPersistentState<NameIndexRecord> state) : Grain, IVmCatalogGrain
{
    public async Task Add(string vm)
    {
        if (state.State.Names.Add(vm))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task Remove(string vm)
    {
        var macs = state.State.Macs.Where(m => m.Value == vm).Select(m => m.Key).ToList();
        macs.ForEach(m => state.State.Macs.Remove(m));
        if (state.State.Names.Remove(vm) || macs.Count > 0)
        {
            await state.WriteStateAsync();
        }
    }

    public async Task<IReadOnlyList<VmInfo>> List()
    {
        var infos = await Task.WhenAll(state.State.Names.Select(name => GrainFactory.GetGrain<IVmGrain>(name).Get()));
        return [.. infos.OfType<VmInfo>()];
    }

    public async Task<IReadOnlyList<string>> ReserveMacs(string vm, IReadOnlyList<string> macs)
    {
        var normalized = macs.Select(MacAddresses.Normalize).ToList();
        var taken = normalized.Where(m => state.State.Macs.TryGetValue(m, out var owner) && owner != vm).ToList();
        if (taken.Count > 0)
        {
            return taken;
        }

        normalized.ForEach(m => state.State.Macs[m] = vm);
        await state.WriteStateAsync();
        return [];
    }

    public async Task ReleaseMacs(string vm, IReadOnlyList<string> keep)
    {
        var kept = keep.Select(MacAddresses.Normalize).ToHashSet(StringComparer.Ordinal);
        var released = state.State.Macs.Where(m => m.Value == vm && !kept.Contains(m.Key)).Select(m => m.Key).ToList();
        released.ForEach(m => state.State.Macs.Remove(m));
        if (released.Count > 0)
        {
            await state.WriteStateAsync();
        }
    }
}
