using Fabric.Contracts.Inventory;
using Fabric.Contracts.Vms;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Fabric.Grains.Inventory;

/// <summary>
/// Reads the single VM catalog of the first release (grain "vm-catalog/all": VM names and the MACs
/// they held), so an index shard activated for the first time on upgraded data takes over its VMs
/// and their MACs instead of losing them from every list.
/// </summary>
public static class LegacyVmCatalog
{
    private static readonly GrainId Id = GrainId.Create("vm-catalog", "all");

    /// <summary>The names of <paramref name="shard"/> in the old catalog, and the MACs their VMs held; empty when there is none.</summary>
    public static async Task<(IReadOnlyList<string> Names, IReadOnlyList<(string Mac, string Vm)> Macs)> ReadShardAsync(IServiceProvider services, int shard)
    {
        var storage = services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default);
        var old = new GrainState<NameIndexRecord>(new NameIndexRecord());
        await storage.ReadStateAsync("vms", Id, old);
        if (!old.RecordExists)
        {
            return ([], []);
        }

        var record = old.State ?? new NameIndexRecord();
        var names = record.Names.Where(n => IndexShards.For(n) == shard).ToList();
        var macs = record.Macs.Where(m => IndexShards.For(m.Value) == shard).Select(m => (m.Key, m.Value)).ToList();
        return (names, macs);
    }

    /// <summary>Gives each old MAC to its VM's address grain (a no-op when it already holds it).</summary>
    public static async Task ClaimMacsAsync(IGrainFactory grains, IEnumerable<(string Mac, string Vm)> macs)
    {
        foreach (var (mac, vm) in macs)
        {
            await grains.GetGrain<IMacAddressGrain>(MacAddresses.Normalize(mac)).Claim(vm);
        }
    }
}
