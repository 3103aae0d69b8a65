using Fabric.Locking;

namespace Fabric.Cli.Up;

/// <summary>Makes one `fabric up` the only user of a data folder (<c>fabric.lock</c>, <c>fabric.pid</c>).</summary>
internal static class DataDirectoryLock
{
    /// <summary>Takes the lock, or returns why not (naming the pid of the holder and the folder).</summary>
    public static (FolderLock? Lock, string? Refusal) TryAcquire(string dataDirectory, int ownPid)
    {
        if (FolderLock.TryAcquire(dataDirectory, "fabric", ownPid, out var pid) is { } held)
        {
            return (held, null);
        }

        var holder = pid is { } p ? $"process {p}" : "another process";
        return (null, $"{dataDirectory} is in use by {holder} (another `fabric up`?); stop it first, or pass --data-dir DIR for a second cluster");
    }
}
