using Fabric.Contracts.Hosts;
using Fabric.HostAgent.Configuration;

namespace Fabric.HostAgent.Reconcile;

/// <summary>
/// Maps a pool name and a path inside it to a file on this host. The cluster only ever names
/// files this way; a path that would leave the pool's folder is refused here, before the driver
/// (which checks again) ever sees it.
/// </summary>
public sealed class PoolPaths(AgentSettings settings)
{
    public string Resolve(AssignedFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Resolve(file.Pool, file.Path);
    }

    public string Resolve(string pool, string relativePath)
    {
        if (!settings.StoragePools.TryGetValue(pool, out var root))
        {
            throw new InvalidOperationException($"this host has no storage pool '{pool}' (it has {string.Join(", ", settings.StoragePools.Keys)}); configure Fabric:StoragePools:{pool}");
        }

        if (string.IsNullOrEmpty(relativePath) || Path.IsPathRooted(relativePath) || relativePath.Split('/').Any(p => p is ".." or "."))
        {
            throw new InvalidOperationException($"'{relativePath}' is not a path inside pool '{pool}'");
        }

        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        return full.StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal)
            ? full
            : throw new InvalidOperationException($"'{relativePath}' leaves pool '{pool}'");
    }

    /// <summary>Where a suspended VM's memory is saved: next to its first disk, so the saved state lives on shared storage.</summary>
    public string StateFile(VmAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var pool = assignment.Disks.FirstOrDefault()?.Image.Pool ?? settings.StoragePools.Keys.First();
        return Resolve(pool, $"states/{assignment.Vm}.state");
    }
}
