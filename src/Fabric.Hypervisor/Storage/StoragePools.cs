namespace Fabric.Hypervisor.Storage;

/// <summary>
/// Confines image paths to configured pool directories. A path is refused when it is relative,
/// has a <c>..</c> segment, or resolves (through symlinks anywhere along it) outside every pool;
/// checking the resolved path is what stops <c>pool/link → /etc</c> escapes.
/// </summary>
public sealed class StoragePools
{
    private readonly IReadOnlyDictionary<string, string> _roots;

    public StoragePools(IReadOnlyDictionary<string, string> pools)
    {
        ArgumentNullException.ThrowIfNull(pools);
        _roots = pools.ToDictionary(p => p.Key, p => RealPath.Resolve(Path.GetFullPath(p.Value)).TrimEnd('/'), StringComparer.Ordinal);
    }

    /// <summary>The pool holding <paramref name="path"/> and the path with symlinks resolved.</summary>
    public StoragePath Resolve(string path, string what)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/' || path.Any(char.IsControl))
        {
            throw Refused($"{what} '{path}' is not an absolute path without control characters; pass a full path inside a storage pool.");
        }

        if (path.Split('/').Contains(".."))
        {
            throw Refused($"{what} '{path}' contains '..'; pass the path inside the storage pool directly.");
        }

        var real = RealPath.Resolve(Path.GetFullPath(path));
        foreach (var (name, root) in _roots)
        {
            if (real.StartsWith(root + "/", StringComparison.Ordinal))
            {
                return new StoragePath(name, root, real);
            }
        }

        var pools = _roots.Count == 0 ? "none are configured" : string.Join(", ", _roots.Select(r => $"{r.Key}={r.Value}"));
        throw Refused($"{what} '{path}'{(real == path ? string.Empty : $" (resolves to '{real}')")} is outside every storage pool ({pools}); " +
            "move it into a pool or configure a pool that holds it.");
    }

    /// <summary>Free bytes in the pool's filesystem.</summary>
    public static long FreeBytes(StoragePath path) => new DriveInfo(path.PoolRoot).AvailableFreeSpace;

    private static HypervisorException Refused(string message) => new(HypervisorErrorCode.PathNotAllowed, message);
}
