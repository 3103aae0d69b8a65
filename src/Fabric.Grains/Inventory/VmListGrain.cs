using Fabric.Contracts.Inventory;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Orleans.Concurrency;

namespace Fabric.Grains.Inventory;

/// <summary>
/// Merges the VM index shards into one name-ordered page; see <see cref="IVmListGrain"/>. Each shard
/// gives at most a page after the token, so a page costs one call per shard whatever the VM count.
/// </summary>
[GrainType("vm-list"), StatelessWorker]
public sealed class VmListGrain : Grain, IVmListGrain
{
    public async Task<ListPage<VmInfo>> List(string? continueAfter, int limit)
    {
        var problems = new ProblemCollector();
        problems.AddRange(ListLimits.Validate(limit, continueAfter));
        problems.ThrowIfAny();

        var shards = await Task.WhenAll(Enumerable.Range(0, IndexShards.Count)
            .Select(shard => GrainFactory.GetGrain<IVmIndexGrain>(shard).List(continueAfter, limit + 1)));
        var merged = shards.SelectMany(s => s).OrderBy(v => v.Name, StringComparer.Ordinal).Take(limit + 1).ToList();
        return merged.Count > limit
            ? new ListPage<VmInfo>(merged[..limit], merged[limit - 1].Name)
            : new ListPage<VmInfo>(merged, null);
    }
}
