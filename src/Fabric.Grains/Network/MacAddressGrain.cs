using Fabric.Contracts.Vms;

namespace Fabric.Grains.Network;

/// <summary>One MAC address and the VM that holds it; see <see cref="IMacAddressGrain"/>.</summary>
/// <remarks>Read only when a MAC is claimed or freed, so it leaves memory after two minutes idle.</remarks>
[GrainType("mac"), CollectionAgeLimit(Minutes = 2)]
public sealed class MacAddressGrain(
    [PersistentState("mac", GrainStorageNames.Default)] IPersistentState<MacAddressRecord> state) : Grain, IMacAddressGrain
{
    public async Task<bool> Claim(string vm)
    {
        if (state.State.Holder is { } holder)
        {
            return holder == vm;
        }

        state.State.Holder = vm;
        await state.WriteStateAsync();
        return true;
    }

    public async Task Release(string vm)
    {
        if (state.State.Holder == vm)
        {
            await state.ClearStateAsync();
            state.State = new MacAddressRecord();
            DeactivateOnIdle();
        }
    }

    public Task<string?> Holder() => Task.FromResult(state.State.Holder);
}
