using Fabric.Contracts.Vms;

namespace Fabric.Contracts.Hosts;

/// <summary>
/// A VM a host should hold, and in what state: the desired state the agent reconciles to every
/// heartbeat. An assignment with an older <see cref="Epoch"/> than the agent holds is ignored.
/// </summary>
[GenerateSerializer, Immutable, Alias("fabric.VmAssignment")]
public sealed record VmAssignment
{
    [Id(0)] public required string Vm { get; init; }

    [Id(1)] public required long Epoch { get; init; }

    [Id(2)] public required VmHardware Hardware { get; init; }

    [Id(3)] public required PowerState Power { get; init; }

    /// <summary>How to get to Stopped when <see cref="Power"/> is Stopped.</summary>
    [Id(4)] public StopMode StopMode { get; init; } = StopMode.Graceful;

    [Id(5)] public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Bumped per reset request; the agent resets once per increment it sees.</summary>
    [Id(6)] public int ResetCount { get; init; }

    /// <summary>Bumped per restart request; the agent shuts the VM down gracefully and starts it again once per increment.</summary>
    [Id(9)] public int RestartCount { get; init; }

    /// <summary>Where each attached disk's image lives, by disk name.</summary>
    [Id(7)] public IReadOnlyList<AssignedDisk> Disks { get; init; } = [];

    /// <summary>Pool and path of the inserted ISO, or null.</summary>
    [Id(8)] public AssignedFile? Iso { get; init; }

    /// <summary>
    /// Set anew by the host grain whenever the assignment changes; 0 until then. The agent acts at once
    /// on a new revision and leaves an unchanged one to its periodic re-check.
    /// </summary>
    [Id(10)] public long Revision { get; init; }

    /// <summary>
    /// Whether the agent starts the VM again when it stops unasked at this epoch, and whether the host
    /// fences it (kills it when the lease lapses): every VM but <see cref="RestartPolicy.Never"/> is restarted elsewhere.
    /// </summary>
    [Id(11)] public RestartPolicy Restart { get; init; } = RestartPolicy.Never;

    /// <summary>Failover order when the host fails: higher first.</summary>
    [Id(12)] public int RestartPriority { get; init; }
}
