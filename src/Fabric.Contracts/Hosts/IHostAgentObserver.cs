using Orleans.Concurrency;

namespace Fabric.Contracts.Hosts;

/// <summary>
/// A host agent's ear for its host grain: the grain calls it when the agent's next heartbeat reply
/// would differ (a VM assigned, changed or unassigned, a task queued), so the agent heartbeats at
/// once instead of at its next interval. An optimisation only: a lost call is repaired by the next
/// heartbeat. The agent hands it over with every heartbeat (<see cref="HostHeartbeat.Observer"/>).
/// </summary>
[Alias("fabric.IHostAgentObserver")]
public interface IHostAgentObserver : IGrainObserver
{
    /// <summary>The host's assignments or tasks changed: heartbeat now to get them.</summary>
    [Alias("AssignmentsChanged"), OneWay]
    Task AssignmentsChanged();
}
