using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Fabric.Grains.Vms.Operations;
using Fabric.Grains.Vms.Power;

namespace Fabric.Grains.Tests.Vms.Power;

public sealed class PowerPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly DesiredPower Stopped = new(PowerState.Stopped, StopMode.Graceful, TimeSpan.FromMinutes(1), 0, 0);
    private static readonly DesiredPower Running = Stopped with { State = PowerState.Running };

    [Fact]
    public void Plan_Start_WantsRunningOnAHostWithinFiveMinutes()
    {
        var plan = PowerPlanner.Plan(PowerAction.Start, Stopped, VmStatus.Stopped, null, "op", Now);

        Assert.Equal(PowerState.Running, plan.Desired.State);
        Assert.True(plan.NeedsHost);
        Assert.Equal(new StartVmOperation("op", Now.AddMinutes(5)), plan.Operation);
    }

    [Fact]
    public void Plan_Shutdown_GracefulWithTheGivenTimeoutAndAMinuteToForce()
    {
        var plan = PowerPlanner.Plan(PowerAction.Shutdown, Running, VmStatus.Running, TimeSpan.FromSeconds(30), "op", Now);

        Assert.Equal(Running with { State = PowerState.Stopped, StopMode = StopMode.Graceful, ShutdownTimeout = TimeSpan.FromSeconds(30) }, plan.Desired);
        Assert.False(plan.NeedsHost);
        Assert.Equal(Now.AddSeconds(90), plan.Operation.Deadline);
        Assert.IsType<ShutdownVmOperation>(plan.Operation);
    }

    [Fact]
    public void Plan_ShutdownWithoutTimeout_UsesTheDefaultMinute() =>
        Assert.Equal(ShutdownTimeoutRule.Default, PowerPlanner.Plan(PowerAction.Shutdown, Running, VmStatus.Running, null, "op", Now).Desired.ShutdownTimeout);

    [Theory]
    [InlineData(0)]
    [InlineData(3601)]
    public void Plan_ShutdownTimeoutOutOfBounds_IsInvalidNamingTheField(int seconds)
    {
        var ex = Assert.Throws<FabricException>(() => PowerPlanner.Plan(PowerAction.Shutdown, Running, VmStatus.Running, TimeSpan.FromSeconds(seconds), "op", Now));

        Assert.Equal(FabricErrorKind.Invalid, ex.Kind);
        Assert.Equal("timeoutSeconds", Assert.Single(ex.Problems).Field);
    }

    [Fact]
    public void Plan_Stop_ForcesOff()
    {
        var plan = PowerPlanner.Plan(PowerAction.Stop, Running, VmStatus.Running, null, "op", Now);

        Assert.Equal((PowerState.Stopped, StopMode.Force), (plan.Desired.State, plan.Desired.StopMode));
        Assert.IsType<StopVmOperation>(plan.Operation);
    }

    [Fact]
    public void Plan_Reset_BumpsTheCounterTheOperationWaitsFor()
    {
        var plan = PowerPlanner.Plan(PowerAction.Reset, Running with { ResetCount = 4 }, VmStatus.Running, null, "op", Now);

        Assert.Equal(5, plan.Desired.ResetCount);
        Assert.Equal(5, Assert.IsType<ResetVmOperation>(plan.Operation).TargetCount);
    }

    [Fact]
    public void Plan_RestartWithTimeout_KeepsItForTheShutdownAndAllowsItPlusAStart()
    {
        var plan = PowerPlanner.Plan(PowerAction.Restart, Running with { RestartCount = 1 }, VmStatus.Running, TimeSpan.FromSeconds(20), "op", Now);

        Assert.Equal((2, TimeSpan.FromSeconds(20)), (plan.Desired.RestartCount, plan.Desired.ShutdownTimeout));
        Assert.Equal(new RestartVmOperation("op", Now.AddSeconds(20).AddMinutes(5), 2), plan.Operation);
    }

    [Theory]
    [InlineData(PowerAction.Pause)]
    [InlineData(PowerAction.Suspend)]
    [InlineData(PowerAction.Reset)]
    [InlineData(PowerAction.Restart)]
    public void Plan_ActionNeedingARunningVm_OnAStoppedVm_IsAConflict(PowerAction action)
    {
        var ex = Assert.Throws<FabricException>(() => PowerPlanner.Plan(action, Stopped, VmStatus.Stopped, null, "op", Now));

        Assert.Equal(FabricErrorKind.Conflict, ex.Kind);
        Assert.Contains("that is Stopped; start it first", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PowerAction.Pause, PowerState.Paused)]
    [InlineData(PowerAction.Suspend, PowerState.Suspended)]
    [InlineData(PowerAction.Resume, PowerState.Running)]
    public void Plan_OnARunningVm_SetsTheDesiredState(PowerAction action, PowerState expected) =>
        Assert.Equal(expected, PowerPlanner.Plan(action, Running, VmStatus.Running, null, "op", Now).Desired.State);

    [Fact]
    public void Plan_UnknownAction_IsInvalid() =>
        Assert.Equal(FabricErrorKind.Invalid, Assert.Throws<FabricException>(() => PowerPlanner.Plan((PowerAction)99, Running, VmStatus.Running, null, "op", Now)).Kind);
}
