using Fabric.Contracts.Disks;
using Fabric.Contracts.Hosts;
using Fabric.Contracts.Tasks;
using Fabric.Contracts.Vms;

namespace Fabric.Testing.Orleans;

/// <summary>
/// Stands in for a host agent in grain tests: heartbeats its host grain when told to, answers tasks
/// (or fails those a test picks), keeps the snapshot lists of the images it made, and reports every
/// assigned VM as desired, or as a test rewrites it. Stepped by the test, so grain logic is exercised
/// deterministically, without processes.
/// </summary>
public sealed class FakeAgent(IGrainFactory grains, string hostName, long memoryBytes = 8L << 30)
{
    private static readonly DateTimeOffset Started = new(2026, 11, 26, 11, 0, 0, TimeSpan.Zero);
    private readonly Dictionary<string, ImageFacts> _images = new(StringComparer.Ordinal);
    private List<HostTaskResult> _outcomes = [];
    private IReadOnlyList<VmAssignment> _assignments = [];

    /// <summary>Decides a task's failure: return an error message to fail it, or null to succeed.</summary>
    public Func<HostTask, string?> FailWhen { get; set; } = _ => null;

    /// <summary>
    /// Rewrites what the agent reports for an assigned VM before it is sent (e.g. an older epoch or
    /// another status, as a host still running an earlier placement would). Reports as desired by default.
    /// </summary>
    public Func<VmObservation, VmObservation> Rewrite { get; set; } = observation => observation;

    /// <summary>Reports sent with every heartbeat on top of those for assigned VMs: VMs this host runs although the cluster did not assign them here.</summary>
    public List<VmObservation> AlsoReport { get; } = [];

    /// <summary>The observer its heartbeats hand the host grain to nudge, as a real agent's do; none by default.</summary>
    public IHostAgentObserver? Observer { get; set; }

    /// <summary>Every task this agent was handed, in order.</summary>
    public List<HostTask> Seen { get; } = [];

    public string HostName => hostName;

    public async Task<HeartbeatReply> BeatAsync()
    {
        var capabilities = SampleHosts.Capabilities() with { MemoryBytes = memoryBytes };
        var heartbeat = new HostHeartbeat(capabilities, [.. _assignments.Select(Observe).Select(Rewrite), .. AlsoReport], Started) { TaskResults = _outcomes, Observer = Observer };
        var reply = await grains.HeartbeatAsync(hostName, heartbeat);
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
            CreateImageTask c => new HostTaskResult { Id = c.Id, Image = _images[c.Path] = new ImageFacts(c.Format, c.SizeBytes, 196_608, []) },
            GrowImageTask g => new HostTaskResult { Id = g.Id, Image = _images[g.Path] = new ImageFacts(g.Format, g.SizeBytes, 196_608, Snapshots(g.Path)) },
            SnapshotImageTask s => new HostTaskResult { Id = s.Id, Image = Snapshot(s) },
            GuestExecTask e => new HostTaskResult { Id = e.Id, Exec = new GuestExecResult(0, string.Join(' ', e.Command), "") },
            _ => new HostTaskResult { Id = task.Id },
        };
    }

    private IReadOnlyList<string> Snapshots(string path) => _images.TryGetValue(path, out var image) ? image.Snapshots : [];

    /// <summary>Keeps the snapshot list of an image this agent made, as qemu-img would report it afterwards.</summary>
    private ImageFacts? Snapshot(SnapshotImageTask task)
    {
        if (!_images.TryGetValue(task.Path, out var image))
        {
            return null;
        }

        IReadOnlyList<string> snapshots = task.Action switch
        {
            SnapshotAction.Create => [.. image.Snapshots, task.Name],
            SnapshotAction.Delete => [.. image.Snapshots.Where(n => n != task.Name)],
            _ => image.Snapshots,
        };
        return _images[task.Path] = image with { Snapshots = snapshots };
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
