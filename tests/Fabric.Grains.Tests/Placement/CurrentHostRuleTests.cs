using Fabric.Contracts.Hosts;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Fabric.Grains.Placement;

namespace Fabric.Grains.Tests.Placement;

public sealed class CurrentHostRuleTests
{
    [Theory]
    [InlineData(HostState.Ready)]
    [InlineData(HostState.Maintenance)]
    public void KeepsHost_ReadyOrMaintenance_Keeps(HostState state) => Assert.True(CurrentHostRule.KeepsHost("vm", "h1", state, knownStoppedThere: false));

    [Theory]
    [InlineData(HostState.Unreachable)]
    [InlineData(HostState.Joining)]
    [InlineData(null)]
    public void KeepsHost_HostAwayButVmKnownStopped_PlacesElsewhere(HostState? state) =>
        Assert.False(CurrentHostRule.KeepsHost("vm", "h1", state, knownStoppedThere: true));

    [Fact]
    public void KeepsHost_HostUnreachableAndVmMayRun_RefusesSoTheVmNeverRunsTwice()
    {
        var ex = Assert.Throws<FabricException>(() => CurrentHostRule.KeepsHost("vm", "h1", HostState.Unreachable, knownStoppedThere: false));

        Assert.Equal(FabricErrorKind.Unavailable, ex.Kind);
        Assert.Contains("may still run on host 'h1', which is Unreachable", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KnownStopped_ReportOfThisEpochAndHost_IsTrue() =>
        Assert.True(CurrentHostRule.KnownStopped("h1", 3, Report("h1", 3, VmStatus.Stopped)));

    [Theory]
    [InlineData("h1", 2, VmStatus.Stopped)]
    [InlineData("h2", 3, VmStatus.Stopped)]
    [InlineData("h1", 3, VmStatus.Running)]
    public void KnownStopped_OlderEpochOtherHostOrRunning_IsFalse(string host, long epoch, VmStatus status) =>
        Assert.False(CurrentHostRule.KnownStopped("h1", 3, Report(host, epoch, status)));

    [Fact]
    public void KnownStopped_NoReport_IsFalseBecauseUnknownMayBeRunning() => Assert.False(CurrentHostRule.KnownStopped("h1", 3, null));

    private static VmObservation Report(string host, long epoch, VmStatus status) => new() { Vm = "vm", Epoch = epoch, Status = status, Host = host };
}
