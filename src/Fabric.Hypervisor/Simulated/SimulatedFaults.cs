using System.Collections.Concurrent;

namespace Fabric.Hypervisor.Simulated;

/// <summary>
/// Fault injection for the simulated driver: arm a failure for the next call of an operation.
/// Operation names are the <see cref="IHypervisor"/> method names without <c>Async</c>, e.g. <c>Start</c>.
/// </summary>
public sealed class SimulatedFaults
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Exception>> _armed = new(StringComparer.Ordinal);

    /// <summary>The next call of <paramref name="operation"/> throws <paramref name="fault"/>.</summary>
    public void FailNext(string operation, Exception fault) =>
        _armed.GetOrAdd(operation, _ => new ConcurrentQueue<Exception>()).Enqueue(fault);

    internal void ThrowIfArmed(string operation)
    {
        if (_armed.TryGetValue(operation, out var queue) && queue.TryDequeue(out var fault))
        {
            throw fault;
        }
    }
}
