using System.Globalization;

namespace Fabric.Cli.Up;

/// <summary>
/// Makes one `fabric up` the only user of a data folder: an exclusive lock on <c>fabric.lock</c>
/// (FileShare.None is flock(LOCK_EX) on Linux), held until disposed or the process dies, when the
/// kernel releases it. The holder's pid sits in <c>fabric.pid</c>, because the locked file cannot be
/// read by the process that is refused.
/// </summary>
internal sealed class DataDirectoryLock : IDisposable
{
    private readonly FileStream _lock;
    private readonly string _pidPath;

    private DataDirectoryLock(FileStream lockFile, string pidPath)
    {
        _lock = lockFile;
        _pidPath = pidPath;
    }

    /// <summary>Takes the lock, or returns why not (naming the pid of the holder and the folder).</summary>
    public static (DataDirectoryLock? Lock, string? Refusal) TryAcquire(string dataDirectory, int ownPid)
    {
        var lockPath = Path.Combine(dataDirectory, "fabric.lock");
        var pidPath = Path.Combine(dataDirectory, "fabric.pid");
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            var holder = ReadPid(pidPath) is { } pid ? $"process {pid}" : "another process";
            return (null, $"{dataDirectory} is in use by {holder} (another `fabric up`?); stop it first, or pass --data-dir DIR for a second cluster");
        }

        File.WriteAllText(pidPath, ownPid.ToString(CultureInfo.InvariantCulture) + "\n");
        return (new DataDirectoryLock(lockFile, pidPath), null);
    }

    private static int? ReadPid(string pidPath)
    {
        try
        {
            return int.TryParse(File.ReadAllText(pidPath).Trim(), CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        // Delete the pid first: while the lock is held nobody else can have written it.
        File.Delete(_pidPath);
        _lock.Dispose();
    }
}
