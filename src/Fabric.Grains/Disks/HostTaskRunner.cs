using Fabric.Contracts.Hosts;
using Fabric.Contracts.Tasks;
using Fabric.Contracts.Validation;
using Fabric.Grains.Placement;

namespace Fabric.Grains.Disks;

/// <summary>Runs an image task on a Ready host that sees the pool, and turns a host-side failure into a clear refusal.</summary>
public static class HostTaskRunner
{
    public static readonly TimeSpan ImageTaskDeadline = TimeSpan.FromMinutes(30);

    public static async Task<HostTaskResult> RunOnPoolAsync(IGrainFactory grains, string pool, HostTask task, string field)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var host = await PickHostAsync(grains, pool);
        return await RunOnHostAsync(grains, host, task, field, ImageTaskDeadline);
    }

    public static async Task<HostTaskResult> RunOnHostAsync(IGrainFactory grains, string host, HostTask task, string field, TimeSpan deadline)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var result = await grains.GetGrain<IHostGrain>(host).RunTask(task, deadline);
        return result.Error is null ? result : throw FabricException.Invalid(field, $"host '{host}': {result.Error}");
    }

    /// <summary>The pool's free bytes as its best host reports them, and that host's name.</summary>
    public static async Task<(string Host, StoragePoolInfo Pool)> DescribePoolAsync(IGrainFactory grains, string? pool)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var hosts = await grains.GetGrain<IHostInventoryGrain>(IHostInventoryGrain.Key).List();
        var placement = HostSelector.Default.Select(hosts, PlacementRequest.ForTask(pool));
        var known = hosts.SelectMany(h => h.Capabilities?.StoragePools.Select(p => p.Name) ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (pool is not null && !known.Contains(pool, StringComparer.Ordinal))
        {
            throw FabricException.Invalid("pool", $"no storage pool named '{pool}'; pools: {(known.Count == 0 ? "none (no host registered)" : string.Join(", ", known))}");
        }

        if (placement.Candidates.Count == 0)
        {
            throw new FabricException(FabricErrorKind.Unavailable, "pool", placement.Reason);
        }

        var host = hosts.Single(h => h.Name == placement.Candidates[0]);
        var pools = host.Capabilities!.StoragePools;
        var chosen = pool is null ? pools.FirstOrDefault() : pools.Single(p => p.Name == pool);
        return chosen is null
            ? throw new FabricException(FabricErrorKind.Unavailable, "pool", $"host '{host.Name}' has no storage pool")
            : (host.Name, chosen);
    }

    private static async Task<string> PickHostAsync(IGrainFactory grains, string pool) => (await DescribePoolAsync(grains, pool)).Host;
}
