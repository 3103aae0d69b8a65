using Fabric.HostAgent.Fencing;
using Microsoft.Extensions.Time.Testing;

namespace Fabric.HostAgent.Tests.Fencing;

public sealed class LeaseGateTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(3);
    private readonly FakeTimeProvider _time = new();
    private readonly LeaseGate _gate;

    public LeaseGateTests() => _gate = new LeaseGate(new AgentIdentity("0123456789abcdef0123456789abcdef"), _time);

    [Fact]
    public void Grant_SentByAnIncarnationThatFencedSince_IsIgnored()
    {
        var old = _gate.Identity.Incarnation;
        var sentAt = _time.GetTimestamp();
        _gate.BeginFence();
        _gate.EndFence();

        Assert.False(_gate.Grant(old, sentAt, Ttl));
        Assert.False(_gate.IsHeld);
    }

    [Fact]
    public void Grant_DuringAFence_IsIgnored()
    {
        _gate.BeginFence();

        Assert.False(_gate.Grant(_gate.Identity.Incarnation, _time.GetTimestamp(), Ttl));
        Assert.False(_gate.IsHeld);
    }

    [Fact]
    public void Grant_ArrivingAfterItsOwnDeadline_DoesNotHoldTheLease()
    {
        var sentAt = _time.GetTimestamp();
        _time.Advance(Ttl);

        Assert.False(_gate.Grant(_gate.Identity.Incarnation, sentAt, Ttl));
        Assert.False(_gate.IsHeld);
        Assert.False(_gate.RanOut);
    }

    [Fact]
    public void Grant_AnOlderRenewalAnsweredLate_NeverShortensTheLease()
    {
        var first = _time.GetTimestamp();
        _time.Advance(TimeSpan.FromSeconds(1));
        var second = _time.GetTimestamp();
        Assert.True(_gate.Grant(_gate.Identity.Incarnation, second, Ttl));

        Assert.False(_gate.Grant(_gate.Identity.Incarnation, first, Ttl));

        Assert.Equal(second + (long)(Ttl.TotalSeconds * _time.TimestampFrequency), _gate.ValidUntil);
    }
}
