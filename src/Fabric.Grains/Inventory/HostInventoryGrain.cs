using Fabric.Contracts.Hosts;

namespace Fabric.Grains.Inventory;

/// <summary>
/// Index of registered hosts. Listing asks every host grain for its live info in parallel;
/// <see cref="IHostGrain.GetInfo"/> interleaves, so a host enrolling while a list is in flight
/// does not deadlock.
/// </summary>
[GrainType("host-inventory")]
public sealed class HostInventoryGrain(
    [PersistentState("hosts", GrainStorageNames.Default)] IPersistentState<HostInventoryRecord> state) : Grain, IHostInventoryGrain
{
    public async Task Enroll(string hostName)
    {
        if (state.State.HostNames.Add(hostName))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task<IReadOnlyList<HostInfo>> List()
    {
        var infos = await Task.WhenAll(state.State.HostNames.Select(name => GrainFactory.GetGrain<IHostGrain>(name).GetInfo()));
        return [.. infos.OfType<HostInfo>()];
    }
}
