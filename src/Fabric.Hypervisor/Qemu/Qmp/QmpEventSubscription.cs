using System.Threading.Channels;

namespace Fabric.Hypervisor.Qemu.Qmp;

/// <summary>
/// Events from one QMP connection, from the moment of subscribing. Subscribe before acting so an
/// event the action causes cannot slip past (e.g. subscribe, then <c>device_del</c>, then wait).
/// </summary>
public sealed class QmpEventSubscription : IDisposable
{
    private readonly Channel<QmpEvent> _events = Channel.CreateUnbounded<QmpEvent>(new() { SingleReader = true });
    private readonly Action<QmpEventSubscription> _unsubscribe;

    internal QmpEventSubscription(Action<QmpEventSubscription> unsubscribe) => _unsubscribe = unsubscribe;

    public ChannelReader<QmpEvent> Reader => _events.Reader;

    /// <summary>Waits for the first event matching <paramref name="match"/>; throws on timeout or when the connection closes.</summary>
    public async Task<QmpEvent> WaitForAsync(Func<QmpEvent, bool> match, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            await foreach (var qmpEvent in _events.Reader.ReadAllAsync(linked.Token))
            {
                if (match(qmpEvent))
                {
                    return qmpEvent;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No matching QMP event within {timeout.TotalSeconds:0.#} s.");
        }

        throw new IOException("The QMP connection closed before the awaited event arrived.");
    }

    public void Dispose()
    {
        _unsubscribe(this);
        _events.Writer.TryComplete();
    }

    internal void Publish(QmpEvent qmpEvent) => _events.Writer.TryWrite(qmpEvent);

    internal void Complete() => _events.Writer.TryComplete();
}
