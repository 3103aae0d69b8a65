using System.Threading.Channels;

namespace Fabric.HostAgent.Heartbeat;

/// <summary>
/// Decides when the next heartbeat goes: one interval after the last, or sooner when nudged — by the
/// host grain (assignments or tasks changed) or by the agent itself (a VM's state or a task's outcome
/// changed). Nudges coalesce: any number of them while a heartbeat is on its way give one more
/// heartbeat, never a storm, and nudged heartbeats are at least <see cref="MinimumGap"/> apart.
/// </summary>
public sealed class HeartbeatTrigger(TimeSpan interval, TimeProvider time)
{
    /// <summary>The shortest time between two heartbeats, however often the agent is nudged.</summary>
    public static readonly TimeSpan MinimumGap = TimeSpan.FromMilliseconds(100);

    // Capacity one, extra writes dropped: a nudge pending is a flag, not a queue.
    private readonly Channel<bool> _nudges = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Asks for a heartbeat now rather than at the end of the interval; safe from any thread.</summary>
    public void Nudge() => _nudges.Writer.TryWrite(true);

    /// <summary>Waits until the next heartbeat is due: one interval after <paramref name="lastBeat"/>, or a nudge.</summary>
    public async Task WaitAsync(DateTimeOffset lastBeat, CancellationToken cancellationToken)
    {
        using (var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var due = Task.Delay(Until(lastBeat + interval), time, race.Token);
            var nudged = _nudges.Reader.WaitToReadAsync(race.Token).AsTask();
            var first = await Task.WhenAny(due, nudged);
            await race.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
            if (first == nudged)
            {
                await Task.Delay(Until(lastBeat + MinimumGap), time, cancellationToken);
            }
        }

        // The heartbeat about to go answers every nudge so far; one arriving from now on gets another.
        _nudges.Reader.TryRead(out _);
    }

    private TimeSpan Until(DateTimeOffset moment)
    {
        var left = moment - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }
}
