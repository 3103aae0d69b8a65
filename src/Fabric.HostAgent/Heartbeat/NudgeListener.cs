using Fabric.Contracts.Hosts;

namespace Fabric.HostAgent.Heartbeat;

/// <summary>
/// Receives the host grain's nudges (through an object reference the heartbeat carries) and turns
/// each into an early heartbeat, which brings the changed assignments and tasks.
/// </summary>
public sealed class NudgeListener(HeartbeatTrigger trigger) : IHostAgentObserver
{
    public Task AssignmentsChanged()
    {
        trigger.Nudge();
        return Task.CompletedTask;
    }
}
