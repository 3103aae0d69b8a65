namespace Fabric.HostAgent.Fencing;

/// <summary>
/// The host's second line of fencing, in a process of its own: a hung agent cannot fence itself, so
/// this one watches the pet the agent writes after every lease renewal and, once the deadline in it
/// passes unrenewed, SIGKILLs the HA VMs' QEMU processes listed there (only those whose start time
/// still matches: a reused pid is never hit). It lives while its agent does, and after it only as
/// long as something is left to fence.
/// </summary>
/// <param name="launcher">The agent that started the companion (pid and start time); a pet names the agent that wrote it, which may be an earlier one.</param>
public sealed partial class FenceCompanion(string dataDirectory, FencedProcess launcher, ILogger<FenceCompanion> logger)
{
    public static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    private long _fencedDeadline = long.MinValue;

    /// <summary>Runs until the agent is gone and nothing is left to fence.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        LogStarted(logger, dataDirectory, launcher.Pid);
        using var timer = new PeriodicTimer(PollEvery);
        while (Look())
        {
            await timer.WaitForNextTickAsync(cancellationToken);
        }

        LogExiting(logger, dataDirectory);
    }

    /// <summary>One look at the pet: fences when its deadline passed; false when the companion may exit.</summary>
    public bool Look()
    {
        var pet = FencePetFile.Read(dataDirectory);
        var due = pet is not null && !pet.Done && pet.DeadlineNs > _fencedDeadline;
        if (due && MonotonicClock.NowNs() >= pet!.DeadlineNs)
        {
            Fence(pet);
            due = false;
        }

        var agentAlive = ProcessStartTime.Matches(launcher.Pid, launcher.StartTime)
            || (pet is not null && ProcessStartTime.Matches(pet.AgentPid, pet.AgentStartTime));
        return agentAlive || (due && pet!.Processes.Any(p => ProcessStartTime.Matches(p.Pid, p.StartTime)));
    }

    private void Fence(FencePet pet)
    {
        if (pet.Processes.Count > 0)
        {
            LogFencing(logger, pet.AgentPid, pet.Processes.Count);
        }

        foreach (var process in pet.Processes)
        {
            if (ProcessStartTime.Matches(process.Pid, process.StartTime) && PosixProcesses.Kill(process.Pid))
            {
                LogKilled(logger, process.Vm, process.Pid);
            }
            else
            {
                LogAlreadyGone(logger, process.Vm, process.Pid);
            }
        }

        _fencedDeadline = pet.DeadlineNs;

        // Marked only if the agent did not pet again meanwhile: a newer pet stays in force.
        if (FencePetFile.Read(dataDirectory) is { } now && now.DeadlineNs == pet.DeadlineNs)
        {
            FencePetFile.Write(dataDirectory, now with { Done = true });
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fence companion for {DataDirectory} started (agent pid {AgentPid})")]
    private static partial void LogStarted(ILogger logger, string dataDirectory, int agentPid);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The agent (pid {AgentPid}) did not renew the host's lease by its deadline: killing its {Count} HA VM processes so they can run elsewhere")]
    private static partial void LogFencing(ILogger logger, int agentPid, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Killed VM {Vm}'s QEMU process {Pid} (SIGKILL): the host lost its lease")]
    private static partial void LogKilled(ILogger logger, string vm, int pid);

    [LoggerMessage(Level = LogLevel.Information, Message = "VM {Vm}'s QEMU process {Pid} is already gone (or the pid now belongs to another process): left alone")]
    private static partial void LogAlreadyGone(ILogger logger, string vm, int pid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fence companion for {DataDirectory} exits: its agent is gone and nothing is left to fence")]
    private static partial void LogExiting(ILogger logger, string dataDirectory);
}
