using Fabric.HostAgent.Heartbeat;
using Microsoft.Extensions.Time.Testing;

namespace Fabric.HostAgent.Tests.Heartbeat;

/// <summary>
/// The trigger's clock is fake, so a wait can only end early through a nudge. A wait's continuations
/// run on the thread pool after the clock moves, so "not yet" is checked by giving it a moment of real
/// time to end wrongly, and "now" by waiting for it with a deadline.
/// </summary>
public sealed class HeartbeatTriggerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
    private readonly HeartbeatTrigger _trigger;

    public HeartbeatTriggerTests() => _trigger = new HeartbeatTrigger(Interval, _time);

    [Fact]
    public async Task WaitAsync_NotNudged_ReturnsWhenTheIntervalEnds()
    {
        var wait = _trigger.WaitAsync(_time.GetUtcNow(), CancellationToken.None);

        _time.Advance(Interval - Tick);
        await StillWaitingAsync(wait);
        _time.Advance(Tick);
        await EndsAsync(wait);
    }

    [Fact]
    public async Task WaitAsync_Nudged_ReturnsAfterTheMinimumGapNotTheInterval()
    {
        var wait = _trigger.WaitAsync(_time.GetUtcNow(), CancellationToken.None);

        _trigger.Nudge();
        _time.Advance(HeartbeatTrigger.MinimumGap - Tick);
        await StillWaitingAsync(wait);
        _time.Advance(Tick);
        await EndsAsync(wait);
    }

    [Fact]
    public async Task WaitAsync_ManyNudgesBeforeOneHeartbeat_GiveOneEarlyHeartbeatOnly()
    {
        for (var i = 0; i < 5; i++)
        {
            _trigger.Nudge();
        }

        var early = _trigger.WaitAsync(_time.GetUtcNow(), CancellationToken.None);
        _time.Advance(HeartbeatTrigger.MinimumGap);
        await EndsAsync(early);

        var next = _trigger.WaitAsync(_time.GetUtcNow(), CancellationToken.None);
        _time.Advance(Interval - Tick);
        await StillWaitingAsync(next);
        _time.Advance(Tick);
        await EndsAsync(next);
    }

    [Fact]
    public async Task WaitAsync_NudgedWhileTheHeartbeatWasOnItsWay_ReturnsAtOnce()
    {
        var beganAt = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromSeconds(1));
        _trigger.Nudge();

        await EndsAsync(_trigger.WaitAsync(beganAt, CancellationToken.None));
    }

    [Fact]
    public async Task WaitAsync_Stopping_Throws()
    {
        using var stopping = new CancellationTokenSource();
        var wait = _trigger.WaitAsync(_time.GetUtcNow(), stopping.Token);

        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private static async Task StillWaitingAsync(Task wait)
    {
        var first = await Task.WhenAny(wait, Task.Delay(TimeSpan.FromMilliseconds(500)));
        Assert.False(first == wait, "the heartbeat would have gone early");
    }

    private static Task EndsAsync(Task wait) => wait.WaitAsync(TimeSpan.FromSeconds(10));
}
