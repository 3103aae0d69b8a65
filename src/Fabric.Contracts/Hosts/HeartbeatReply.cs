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
    /// The lease this heartbeat renewed, or null when it was not renewed. The agent may drive the
    /// host's VMs until the time it sent the heartbeat plus <see cref="LeaseGrant.Ttl"/>, by its own
    /// clock; past that it fences itself.
    /// </summary>
    [Id(3)] public LeaseGrant? Lease { get; init; }

    /// <summary>
    /// Set when this incarnation must not drive the host's VMs (another incarnation holds the lease,
    /// or this one's lease lapsed): why, and what to do. The reply then carries no assignments or tasks.
    /// </summary>
    [Id(4)] public string? StandDown { get; init; }
}
