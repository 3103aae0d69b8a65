using Fabric.Contracts.Hosts;

namespace Fabric.Grains.Hosts;

/// <summary>
/// Nudging the agent: when its next heartbeat reply would differ, tell it at once so it need not
/// wait for its interval. Only an optimisation: the heartbeat stays the repair path, so a nudge
/// that is lost or fails is dropped, never retried, and never fails the change that caused it.
/// </summary>
public sealed partial class HostGrain
{
    /// <summary>The observer the agent sent with its last heartbeat; kept in memory, relearnt every heartbeat.</summary>
    private IHostAgentObserver? _agent;

    private async Task NudgeAgentAsync(string change)
    {
        // An agent that stopped heartbeating is gone or cut off; it relearns everything when it returns.
        if (_agent is not { } agent
            || Evaluate().State is HostState.Unreachable or HostState.Fenced)
        {
            return;
        }

        try
        {
            // One-way: this returns once the message is queued, whether or not the agent is alive.
            await agent.AssignmentsChanged();
        }
        catch (Exception ex)
        {
            LogNudgeFailed(logger, Name, change, ex.Message);
        }
    }
}
