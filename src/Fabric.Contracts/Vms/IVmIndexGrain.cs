using Fabric.Contracts.Inventory;
using Orleans.Concurrency;

namespace Fabric.Contracts.Vms;

/// <summary>
/// One shard of the VM index (Orleans has no queries): the names of the VMs whose name hashes to it
/// (<see cref="IndexShards.For"/>), stored, and each VM's latest summary, kept in memory and pushed by
/// the VM's grain when it changes. Creations spread over <see cref="IndexShards.Count"/> shards, so
/// no single grain is on every creation's path.
/// </summary>
[Alias("fabric.IVmIndexGrain")]
public interface IVmIndexGrain : IGrainWithIntegerKey
{
    /// <summary>Records a new VM (stored before the creation returns) with its first summary.</summary>
    [Alias("Add")]
    Task Add(VmInfo summary);

    /// <summary>A VM's newer summary; ignored for a VM the index does not hold (deleted, or not yet added).</summary>
    [Alias("Update"), OneWay]
    Task Update(VmInfo summary);

    [Alias("Remove")]
    Task Remove(string vm);

    /// <summary>Up to <paramref name="limit"/> VMs named after <paramref name="after"/> (all when null), in name order.</summary>
    [Alias("List"), AlwaysInterleave]
    Task<IReadOnlyList<VmInfo>> List(string? after, int limit);
}
