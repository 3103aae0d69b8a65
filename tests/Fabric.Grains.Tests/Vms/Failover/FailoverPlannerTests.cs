using Fabric.Contracts.Vms;
using Fabric.Grains.Vms;
using Fabric.Grains.Vms.Failover;

namespace Fabric.Grains.Tests.Vms.Failover;

public sealed class FailoverPlannerTests
{
    private static VmRecord Running(RestartPolicy? policy, bool legacyHa = false) =>
        new() { Host = "h1", Epoch = 3, Desired = PowerState.Running, Restart = policy, HaRestart = legacyHa };

    [Theory]
    [InlineData(RestartPolicy.OnFailure, FailoverAction.RestartElsewhere)]
    [InlineData(RestartPolicy.Always, FailoverAction.RestartElsewhere)]
    [InlineData(RestartPolicy.Never, FailoverAction.StayDown)]
    public void Decide_ByPolicy(RestartPolicy policy, FailoverAction expected) => Assert.Equal(expected, FailoverPlanner.Decide(Running(policy), "h1", 3));

    [Fact]
    public void Decide_ARecordFromBeforePolicies_WithHa_RestartsElsewhere() =>
        Assert.Equal(FailoverAction.RestartElsewhere, FailoverPlanner.Decide(Running(null, legacyHa: true), "h1", 3));

    [Theory]
    [InlineData("h2", 3)]
    [InlineData("h1", 2)]
    public void Decide_AnotherHostOrEpoch_Ignores(string host, long epoch) =>
        Assert.Equal(FailoverAction.Ignore, FailoverPlanner.Decide(Running(RestartPolicy.Always), host, epoch));

    [Fact]
    public void Decide_MeantToBeStopped_Ignores() =>
        Assert.Equal(FailoverAction.Ignore, FailoverPlanner.Decide(new VmRecord { Host = "h1", Epoch = 3, Desired = PowerState.Stopped, Restart = RestartPolicy.Always }, "h1", 3));

    [Fact]
    public void RunningAgain_SaysWhereAndHowLong()
    {
        var failure = new HostFailure("h1", DateTimeOffset.UnixEpoch.AddSeconds(4), DateTimeOffset.UnixEpoch);
        Assert.Equal("running again on h2 after 4.5 s down (host h1 failed)", FailoverPlanner.RunningAgain(failure, "h2", DateTimeOffset.UnixEpoch.AddSeconds(4.5)));
    }
}
