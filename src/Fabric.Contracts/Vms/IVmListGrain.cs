using Fabric.Contracts.Inventory;
using Orleans.Concurrency;

namespace Fabric.Contracts.Vms;

/// <summary>
/// Lists VMs a page at a time by merging the index shards. A stateless worker: every silo answers
/// locally, so listing has no single grain either. Use key 0.
/// </summary>
[Alias("fabric.IVmListGrain")]
public interface IVmListGrain : IGrainWithIntegerKey
{
    /// <summary>The page of VMs after the continue token (first page when null), without their event trails.</summary>
    [Alias("List")]
    Task<ListPage<VmInfo>> List(string? continueAfter, int limit);
}
