using Fabric.Contracts.Hosts;
using Fabric.Contracts.Hosts.Leases;
using Fabric.Grains.Hosts;

namespace Fabric.Grains.Tests.Hosts;

public sealed class HostStatePolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    [Fact]
    public void Evaluate_Maintenance_WinsOverSilence()
    {
        var record = new HostRecord { Maintenance = true };
        Assert.Equal(HostState.Maintenance, HostStatePolicy.Evaluate(record, null, Now.AddHours(-1), Now, Limit).State);
    }

    [Fact]
    public void Evaluate_NeverHeartbeated_IsJoining()
    {
        Assert.Equal(HostState.Joining, HostStatePolicy.Evaluate(new HostRecord(), null, null, Now, Limit).State);
    }

    [Theory]
    [InlineData(10, HostState.Ready)]
    [InlineData(11, HostState.Unreachable)]
    public void Evaluate_AtTheLimit_ReadyUpToItUnreachablePastIt(int secondsSilent, HostState expected)
    {
        var record = new HostRecord { Capabilities = Fabric.Testing.Orleans.SampleHosts.Capabilities() };
        Assert.Equal(expected, HostStatePolicy.Evaluate(record, null, Now.AddSeconds(-secondsSilent), Now, Limit).State);
    }

    [Fact]
    public void Evaluate_DeclaredDeadAndNobodyTookTheLease_IsFencedEvenInMaintenance()
    {
        var record = new HostRecord { Maintenance = true, FencedGeneration = 4, FencedAt = Now.AddSeconds(-3), Capabilities = Fabric.Testing.Orleans.SampleHosts.Capabilities() };
        var lease = new LeaseRecord("old", "t", 0, 1, 4, 4);
        var (state, reason) = HostStatePolicy.Evaluate(record, lease, Now.AddSeconds(-8), Now, Limit);
        Assert.Equal(HostState.Fenced, state);
        Assert.Contains("restart fabric-agent", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ANewGenerationHeartbeats_IsNoLongerFenced()
    {
        var record = new HostRecord { FencedGeneration = 4, Capabilities = Fabric.Testing.Orleans.SampleHosts.Capabilities() };
        var lease = new LeaseRecord("new", "t", 0, 1, 5, 4);
        Assert.Equal(HostState.Ready, HostStatePolicy.Evaluate(record, lease, Now, Now, Limit).State);
    }
}
