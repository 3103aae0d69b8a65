using System.Globalization;

namespace Fabric.Locking;

/// <summary>
/// Makes one process the only user of a folder: an exclusive lock on <c>&lt;name&gt;.lock</c>
/// (FileShare.None is flock(LOCK_EX) on Linux), held until disposed or the process dies, when the
/// kernel releases it however the process died. The holder's pid sits in <c>&lt;name&gt;.pid</c>,
/// because the locked file cannot be read by the process that is refused.
/// </summary>
public sealed class FolderLock : IDisposable
{
    private readonly FileStream _lock;
    private readonly string _pidPath;

    private FolderLock(FileStream lockFile, string pidPath)
    {
        _lock = lockFile;
        _pidPath = pidPath;
    }

    /// <summary>Takes the lock, or returns null with the holder's pid when it is known.</summary>
    public static FolderLock? TryAcquire(string folder, string name, int ownPid, out int? holder)
    {
        var pidPath = Path.Combine(folder, name + ".pid");
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(Path.Combine(folder, name + ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            holder = ReadPid(pidPath);
            return null;
        }

        File.WriteAllText(pidPath, ownPid.ToString(CultureInfo.InvariantCulture) + "\n");
        holder = null;
        return new FolderLock(lockFile, pidPath);
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
