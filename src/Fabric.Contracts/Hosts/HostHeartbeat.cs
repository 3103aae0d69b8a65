using Fabric.Contracts.Tasks;
using Fabric.Contracts.Vms;

namespace Fabric.Contracts.Hosts;

/// <summary>
/// What an agent sends every heartbeat: who it is, what it can do, and what it observes.
/// The first heartbeat of a host registers it; every later one renews it.
/// </summary>
/// <param name="Capabilities">The host's probed capabilities; <c>null</c> while the agent's first probe runs (the host shows as Joining).</param>
/// <param name="Vms">Every VM the agent observes on the host.</param>
/// <param name="AgentStartedAt">When this agent process started; a change means the agent restarted.</param>
[GenerateSerializer, Immutable, Alias("fabric.HostHeartbeat")]
public sealed record HostHeartbeat(
    [property: Id(0)] HostCapabilities? Capabilities,
    [property: Id(1)] IReadOnlyList<VmObservation> Vms,
    [property: Id(2)] DateTimeOffset AgentStartedAt)
{
    /// <summary>Outcomes of tasks finished since the last heartbeat the cluster acknowledged.</summary>
    [Id(3)] public IReadOnlyList<HostTaskResult> TaskResults { get; init; } = [];

    /// <summary>
    /// Where the host grain nudges the agent when its assignments or tasks change, or null. Sent with
    /// every heartbeat, so a host grain that was reactivated elsewhere learns it again within one interval.
    /// </summary>
    [Id(4)] public IHostAgentObserver? Observer { get; init; }

    /// <summary>
    /// This agent process's incarnation: a new random id at every start, and again after the agent
    /// fenced itself. Only the incarnation holding the host's lease may drive the host's VMs.
    /// </summary>
    [Id(5)] public string Incarnation { get; init; } = "";

    /// <summary>
    /// A random token kept in the agent's data folder: the same for every agent process on this machine.
    /// An incarnation with the lease holder's token is the same machine's restarted agent (the data
    /// folder's lock proves the old process is gone) and takes the lease over at once; any other waits
    /// until the lease lapses.
    /// </summary>
    [Id(6)] public string HostToken { get; init; } = "";
}
