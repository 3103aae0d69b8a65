using Fabric.Contracts.Hosts;
using Fabric.Contracts.Tasks;
using Fabric.Contracts.Validation;

namespace Fabric.Grains.Hosts;

/// <summary>
/// Tasks for the host's agent. Kept in memory only: a task in flight when the silo restarts
/// fails its caller by deadline, and the agent's outcome for it is then ignored.
/// </summary>
public sealed partial class HostGrain
{
    private readonly Dictionary<string, TaskCompletionSource<HostTaskResult>> _taskCompletions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HostTask> _tasks = new(StringComparer.Ordinal);

    public async Task<HostTaskResult> RunTask(HostTask task, TimeSpan deadline)
    {
        ArgumentNullException.ThrowIfNull(task);
        var info = Describe(time.GetUtcNow());
        if (info.State is not HostState.Ready and not HostState.Maintenance)
        {
            throw new FabricException(FabricErrorKind.Unavailable, "host", $"host '{Name}' is {info.State} ({info.StateReason}); it cannot run {task.GetType().Name}");
        }

        var completion = new TaskCompletionSource<HostTaskResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _tasks[task.Id] = task;
        _taskCompletions[task.Id] = completion;
        await NudgeAgentAsync($"{task.GetType().Name} {task.Id}");
        try
        {
            return await completion.Task.WaitAsync(deadline, time);
        }
        catch (TimeoutException)
        {
            throw new FabricException(FabricErrorKind.Unavailable, "host",
                $"host '{Name}' did not finish {task.GetType().Name} within {deadline.TotalSeconds:0} s; check its agent log");
        }
        finally
        {
            _tasks.Remove(task.Id);
            _taskCompletions.Remove(task.Id);
        }
    }

    private List<HostTask> PendingTasks() => [.. _tasks.Values];

    private void CompleteTasks(IReadOnlyList<HostTaskResult> results)
    {
        foreach (var result in results)
        {
            if (_taskCompletions.Remove(result.Id, out var completion))
            {
                _tasks.Remove(result.Id);
                completion.TrySetResult(result);
            }
        }
    }
}
