using System.Globalization;

namespace Fabric.HostAgent.Fencing;

/// <summary>
/// Makes one agent process the only user of a data folder: an exclusive lock on <c>agent.lock</c>
/// (FileShare.None is flock(LOCK_EX) on Linux) that the kernel releases when the process dies,
/// however it dies. Holding it proves the previous agent on this machine is gone, which is what lets
/// this one take its lease over at once (same host token) instead of waiting for it to lapse.
/// The holder's pid sits in <c>agent.pid</c>, because the locked file cannot be read by the one refused.
/// </summary>
public sealed class AgentDataLock : IDisposable
{
    private readonly FileStream _lock;
    private readonly string _pidPath;

    private AgentDataLock(FileStream lockFile, string pidPath)
    {
        _lock = lockFile;
        _pidPath = pidPath;
    }

    /// <summary>Takes the lock, or returns why not: the folder, the holder's pid, and what to do.</summary>
    public static (AgentDataLock? Lock, string? Refusal) TryAcquire(string dataDirectory)
    {
        var pidPath = Path.Combine(dataDirectory, "agent.pid");
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(Path.Combine(dataDirectory, "agent.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            var holder = ReadPid(pidPath) is { } pid ? $"agent process {pid}" : "another agent process";
            return (null, $"data folder {dataDirectory} is in use by {holder}; one agent per data folder. "
                + "Stop that agent first, or give this one its own folder and host name (--Fabric:DataDir=<folder> --Fabric:HostName=<name>)");
        }

        File.WriteAllText(pidPath, Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
        return (new AgentDataLock(lockFile, pidPath), null);
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
