using Fabric.Contracts.Tasks;

namespace Fabric.Contracts.Hosts;

/// <summary>The cluster's answer to a heartbeat: what the host should be running, and work to do.</summary>
/// <param name="State">The host's state after this heartbeat.</param>
/// <param name="Assignments">Every VM assigned to this host with its desired state.</param>
/// <param name="Tasks">Tasks not yet reported done; a task the agent already runs is sent again until it reports.</param>
[GenerateSerializer, Immutable, Alias("fabric.HeartbeatReply")]
public sealed record HeartbeatReply(
    [property: Id(0)] HostState State,
    [property: Id(1)] IReadOnlyList<VmAssignment> Assignments,
    [property: Id(2)] IReadOnlyList<HostTask> Tasks)
{
    /// <summary>
    /// Set when the heartbeat's incarnation does not hold the host's lease (another incarnation holds
    /// it, or this one's lapsed): why, and what to do. The reply then carries no assignments or tasks,
    /// and the heartbeat's observations were ignored.
    /// </summary>
    [Id(4)] public string? StandDown { get; init; }
}
