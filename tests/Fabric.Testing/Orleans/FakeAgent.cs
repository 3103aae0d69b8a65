using Fabric.Contracts.Hosts;
using Fabric.Contracts.Tasks;
using Fabric.Contracts.Vms;

namespace Fabric.Testing.Orleans;

/// <summary>
/// Stands in for a host agent in grain tests: heartbeats its host grain when told to, answers tasks
/// (or fails those a test picks) and reports every assigned VM exactly as desired. Stepped by the
/// test, so grain logic is exercised deterministically, without processes.
/// </summary>
public sealed class FakeAgent(IGrainFactory grains, string hostName, long memoryBytes = 8L << 30)
{
    private static readonly DateTimeOffset Started = new(2026, 11, 26, 11, 0, 0, TimeSpan.Zero);
    private List<HostTaskResult> _outcomes = [];
    private IReadOnlyList<VmAssignment> _assignments = [];

    /// <summary>Decides a task's failure: return an error message to fail it, or null to succeed.</summary>
    public Func<HostTask, string?> FailWhen { get; set; } = _ => null;

    /// <summary>The observer its heartbeats hand the host grain to nudge, as a real agent's do; none by default.</summary>
    public IHostAgentObserver? Observer { get; set; }

    /// <summary>Every task this agent was handed, in order.</summary>
    public List<HostTask> Seen { get; } = [];

    public string HostName => hostName;

    public async Task<HeartbeatReply> BeatAsync()
    {
        var capabilities = SampleHosts.Capabilities() with { MemoryBytes = memoryBytes };
        var heartbeat = new HostHeartbeat(capabilities, [.. _assignments.Select(Observe)], Started) { TaskResults = _outcomes, Observer = Observer };
        var reply = await grains.GetGrain<IHostGrain>(hostName).Heartbeat(heartbeat);
        _assignments = reply.Assignments;
        _outcomes = [.. reply.Tasks.Select(Answer)];
        return reply;
    }

    /// <summary>Heartbeats until <paramref name="pending"/> completes (it may need several round trips), then returns it.</summary>
    public async Task<T> DriveAsync<T>(Task<T> pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        for (var beat = 0; beat < 200 && !pending.IsCompleted; beat++)
        {
            await BeatAsync();
            await Task.WhenAny(pending, Task.Delay(10));
        }

        return await pending;
    }

    public async Task DriveAsync(Task pending) => await DriveAsync(pending.ContinueWith(t => t.IsFaulted ? throw t.Exception!.InnerException! : 0, TaskScheduler.Default));

    private HostTaskResult Answer(HostTask task)
    {
        Seen.Add(task);
        if (FailWhen(task) is { } error)
        {
            return new HostTaskResult { Id = task.Id, Error = error };
        }

        return task switch
        {
            CreateImageTask c => new HostTaskResult { Id = c.Id, Image = new ImageFacts(c.Format, c.SizeBytes, 196_608, []) },
            GrowImageTask g => new HostTaskResult { Id = g.Id, Image = new ImageFacts(g.Format, g.SizeBytes, 196_608, []) },
            GuestExecTask e => new HostTaskResult { Id = e.Id, Exec = new GuestExecResult(0, string.Join(' ', e.Command), "") },
            _ => new HostTaskResult { Id = task.Id },
        };
    }

    private static VmObservation Observe(VmAssignment a) => new()
    {
        Vm = a.Vm,
        Epoch = a.Epoch,
        Status = a.Power switch
        {
            PowerState.Running => VmStatus.Running,
            PowerState.Paused => VmStatus.Paused,
            PowerState.Suspended => VmStatus.Suspended,
            _ => VmStatus.Stopped,
        },
        AppliedResetCount = a.ResetCount,
        AppliedRestartCount = a.RestartCount,
        DiskSizes = a.Power == PowerState.Running ? a.Disks.ToDictionary(d => d.Name, d => d.SizeBytes) : new Dictionary<string, long>(),
    };
}
