using Fabric.Contracts.Vms;
using Fabric.Grains.Vms.Operations;

namespace Fabric.Grains.Tests.Vms.Operations;

public sealed class OperationTrackerTests
{
    private static readonly DateTimeOffset Began = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly StartVmOperation Start = new("op", Began.AddMinutes(5));

    [Fact]
    public void Track_Done_SucceedsNamingTheHost()
    {
        var step = OperationTracker.Track(Start, new VmProgress(VmStatus.Running, Report(VmStatus.Running, Began.AddSeconds(3))), "", Began, "h1");

        Assert.Equal(OperationStepKind.Succeeded, step.Kind);
        Assert.Equal("vm.start done: Running on h1", step.Message);
        Assert.Equal("vm.start done", step.Event);
    }

    [Fact]
    public void Track_HostErrorAfterTheOperationBegan_FailsWithTheError()
    {
        var report = Report(VmStatus.Stopped, Began.AddSeconds(1)) with { Error = "qemu: could not open disk" };

        var step = OperationTracker.Track(Start, new VmProgress(VmStatus.Stopped, report), "", Began, "h1");

        Assert.Equal(OperationStepKind.Failed, step.Kind);
        Assert.Equal("vm.start failed on host h1: qemu: could not open disk", step.Message);
    }

    [Fact]
    public void Track_HostErrorFromAnEarlierAttempt_KeepsWaiting()
    {
        var report = Report(VmStatus.Stopped, Began.AddSeconds(-1)) with { Error = "old failure" };

        var step = OperationTracker.Track(Start, new VmProgress(VmStatus.Stopped, report), "stopped", Began, "h1");

        Assert.Equal(OperationStepKind.Waiting, step.Kind);
        Assert.Equal("Stopped: stopped", step.Message);
    }

    [Fact]
    public void Track_DoneDespiteAnError_Succeeds()
    {
        var report = Report(VmStatus.Running, Began.AddSeconds(1)) with { Error = "guest agent slow" };

        Assert.Equal(OperationStepKind.Succeeded, OperationTracker.Track(Start, new VmProgress(VmStatus.Running, report), "", Began, "h1").Kind);
    }

    [Fact]
    public void CheckDeadline_BeforeTheDeadline_IsNull() =>
        Assert.Null(OperationTracker.CheckDeadline(Start, Began.AddMinutes(4), VmStatus.Starting, "booting", "h1"));

    [Fact]
    public void CheckDeadline_AtTheDeadline_FailsSayingWhatTheVmWasDoing()
    {
        var step = OperationTracker.CheckDeadline(Start, Began.AddMinutes(5), VmStatus.Starting, "waiting for host 'h1' to report the VM", "h1");

        Assert.NotNull(step);
        Assert.Equal(OperationStepKind.Failed, step.Kind);
        Assert.Contains("last seen Starting (waiting for host 'h1' to report the VM)", step.Message, StringComparison.Ordinal);
        Assert.Contains("check host 'h1'", step.Message, StringComparison.Ordinal);
    }

    private static VmObservation Report(VmStatus status, DateTimeOffset at) => new() { Vm = "vm", Epoch = 1, Status = status, Host = "h1", ObservedAt = at };
}
