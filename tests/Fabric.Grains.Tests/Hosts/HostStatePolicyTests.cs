using Fabric.Contracts.Hosts;
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
        Assert.Equal(HostState.Maintenance, HostStatePolicy.Evaluate(record, Now.AddHours(-1), Now, Limit).State);
    }

    [Fact]
    public void Evaluate_NeverHeartbeated_IsJoining()
    {
        Assert.Equal(HostState.Joining, HostStatePolicy.Evaluate(new HostRecord(), null, Now, Limit).State);
    }

    [Theory]
    [InlineData(10, HostState.Ready)]
    [InlineData(11, HostState.Unreachable)]
    public void Evaluate_AtTheLimit_ReadyUpToItUnreachablePastIt(int secondsSilent, HostState expected)
    {
        var record = new HostRecord { Capabilities = Fabric.Testing.Orleans.SampleHosts.Capabilities() };
        Assert.Equal(expected, HostStatePolicy.Evaluate(record, Now.AddSeconds(-secondsSilent), Now, Limit).State);
    }
}
