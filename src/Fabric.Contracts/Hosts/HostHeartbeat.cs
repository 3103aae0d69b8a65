namespace Fabric.Contracts.Hosts;

/// <summary>
/// What an agent sends every heartbeat: who it is, what it can do, and what it observes.
/// The first heartbeat of a host registers it; every later one renews it.
/// </summary>
/// <param name="Capabilities">The host's probed capabilities; <c>null</c> while the agent's first probe runs (the host shows as Joining).</param>
/// <param name="RunningVmIds">VMs the agent observes running on the host.</param>
/// <param name="AgentStartedAt">When this agent process started; a change means the agent restarted.</param>
[GenerateSerializer, Immutable, Alias("fabric.HostHeartbeat")]
public sealed record HostHeartbeat(
    [property: Id(0)] HostCapabilities? Capabilities,
    [property: Id(1)] IReadOnlyList<string> RunningVmIds,
    [property: Id(2)] DateTimeOffset AgentStartedAt);
