using System.Collections.Concurrent;

namespace Fabric.Silo.Dashboard.Operations;

/// <summary>
/// Ids of the operations started from this silo's dashboard, newest first, so the operations page
/// can list them: Orleans has no queries and the cluster keeps no operation index yet. Bounded, in
/// memory; an operation started by the CLI or REST does not appear here.
/// </summary>
public sealed class OperationTracker
{
    public const int Capacity = 500;

    private readonly ConcurrentQueue<TrackedOperation> _operations = new();

    public void Track(string id, string target)
    {
        _operations.Enqueue(new TrackedOperation(id, target));
        while (_operations.Count > Capacity && _operations.TryDequeue(out _))
        {
        }
    }

    public IReadOnlyList<TrackedOperation> Recent(string? target = null) =>
        [.. _operations.Reverse().Where(o => target is null || o.Target == target)];
}
