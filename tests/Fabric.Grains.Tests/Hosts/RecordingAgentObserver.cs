using Fabric.Contracts.Hosts;

namespace Fabric.Grains.Tests.Hosts;

/// <summary>Stands in for an agent's nudge listener: counts nudges and lets a test wait for the next one.</summary>
public sealed class RecordingAgentObserver : IHostAgentObserver
{
    private readonly SemaphoreSlim _nudged = new(0);

    /// <summary>When set, every nudge throws after it is counted, as a broken listener would.</summary>
    public bool Throws { get; init; }

    public Task AssignmentsChanged()
    {
        _nudged.Release();
        return Throws ? throw new InvalidOperationException("this listener is broken on purpose") : Task.CompletedTask;
    }

    /// <summary>True when a nudge arrived (or had arrived) within <paramref name="deadline"/>.</summary>
    public Task<bool> NudgedWithinAsync(TimeSpan deadline) => _nudged.WaitAsync(deadline);
}
