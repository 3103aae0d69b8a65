using Fabric.Locking;

namespace Fabric.HostAgent.Fencing;

/// <summary>
/// Makes one agent process the only user of a data folder (<c>agent.lock</c>, <c>agent.pid</c>).
/// Holding it proves the previous agent on this machine is gone, which is what lets this one take its
/// lease over at once (same host token) instead of waiting for it to lapse.
/// </summary>
public static class AgentDataLock
{
    /// <summary>Takes the lock, or returns why not: the folder, the holder's pid, and what to do.</summary>
    public static (FolderLock? Lock, string? Refusal) TryAcquire(string dataDirectory)
    {
        if (FolderLock.TryAcquire(dataDirectory, "agent", Environment.ProcessId, out var pid) is { } held)
        {
            return (held, null);
        }

        var holder = pid is { } p ? $"agent process {p}" : "another agent process";
        return (null, $"data folder {dataDirectory} is in use by {holder}; one agent per data folder. "
            + "Stop that agent first, or give this one its own folder and host name (--Fabric:DataDir=<folder> --Fabric:HostName=<name>)");
    }
}
