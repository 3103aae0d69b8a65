using Fabric.Contracts.Hosts;
using Fabric.Contracts.Validation;

namespace Fabric.Silo.Api;

/// <summary>
/// Finds a storage pool's folder as a Ready host reports it. Pools are shared storage that every
/// node mounts at the same path, so the silo writes image files there itself; when this silo cannot
/// see the folder, that is said plainly (503) rather than guessed around.
/// </summary>
internal static class PoolFolders
{
    public static async Task<StoragePoolInfo> ResolveAsync(IGrainFactory grains, string? pool)
    {
        var hosts = await grains.GetGrain<IHostInventoryGrain>(IHostInventoryGrain.Key).List();
        var pools = hosts.Where(h => h.State == HostState.Ready)
            .SelectMany(h => h.Capabilities?.StoragePools ?? [])
            .ToList();
        if (pools.Count == 0)
        {
            throw new FabricException(FabricErrorKind.Unavailable, "pool",
                "no Ready host reports a storage pool, so there is nowhere to keep the image; start a host agent (`fabric up` does) and retry");
        }

        var chosen = pool is null ? pools[0] : pools.FirstOrDefault(p => p.Name == pool)
            ?? throw FabricException.NotFound("pool", pool, $"pools of Ready hosts: {string.Join(", ", pools.Select(p => p.Name).Distinct())}");
        if (!Directory.Exists(chosen.Path))
        {
            throw new FabricException(FabricErrorKind.Unavailable, "pool",
                $"this silo cannot see pool '{chosen.Name}' at {chosen.Path}; pools are shared storage every node must mount at the same path");
        }

        return chosen;
    }

    /// <summary>The absolute path of <paramref name="relative"/> inside the pool; refuses anything that would leave it.</summary>
    public static string Inside(StoragePoolInfo pool, string relative)
    {
        var root = Path.GetFullPath(pool.Path) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, relative));
        return full.StartsWith(root, StringComparison.Ordinal)
            ? full
            : throw FabricException.Invalid("path", $"'{relative}' is not inside pool '{pool.Name}'");
    }
}
