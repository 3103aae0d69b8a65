using Fabric.Contracts.Vms;
using Fabric.Grains.Storage;
using Fabric.Grains.Vms;
using Fabric.Grains.Vms.Operations;

namespace Fabric.Grains.Tests.Vms.Operations;

public sealed class VmOperationTests
{
    private static readonly DateTimeOffset Deadline = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<VmOperation, VmStatus, bool> StatusOperations => new()
    {
        { new StartVmOperation("op", Deadline), VmStatus.Running, true },
        { new StartVmOperation("op", Deadline), VmStatus.Starting, false },
        { new ResumeVmOperation("op", Deadline), VmStatus.Running, true },
        { new ResumeVmOperation("op", Deadline), VmStatus.Paused, false },
        { new ShutdownVmOperation("op", Deadline), VmStatus.Stopped, true },
        { new ShutdownVmOperation("op", Deadline), VmStatus.Crashed, true },
        { new ShutdownVmOperation("op", Deadline), VmStatus.ShuttingDown, false },
        { new StopVmOperation("op", Deadline), VmStatus.Stopped, true },
        { new StopVmOperation("op", Deadline), VmStatus.Running, false },
        { new PauseVmOperation("op", Deadline), VmStatus.Paused, true },
        { new PauseVmOperation("op", Deadline), VmStatus.Running, false },
        { new SuspendVmOperation("op", Deadline), VmStatus.Suspended, true },
        { new SuspendVmOperation("op", Deadline), VmStatus.Stopped, false },
    };

    [Theory]
    [MemberData(nameof(StatusOperations))]
    public void IsDoneBy_PowerState_DoneExactlyInTheTargetState(VmOperation operation, VmStatus status, bool done) =>
        Assert.Equal(done, operation.IsDoneBy(new VmProgress(status, Report(status))));

    [Theory]
    [InlineData(2, VmStatus.Running, true)]
    [InlineData(1, VmStatus.Running, false)]
    [InlineData(2, VmStatus.Starting, false)]
    public void IsDoneBy_Reset_NeedsTheCounterAppliedAndTheVmRunning(int applied, VmStatus status, bool done)
    {
        var report = Report(status) with { AppliedResetCount = applied };
        Assert.Equal(done, new ResetVmOperation("op", Deadline, 2).IsDoneBy(new VmProgress(status, report)));
    }

    [Theory]
    [InlineData(3, VmStatus.Running, true)]
    [InlineData(2, VmStatus.Running, false)]
    [InlineData(3, VmStatus.ShuttingDown, false)]
    public void IsDoneBy_Restart_NeedsTheCounterAppliedAndTheVmRunning(int applied, VmStatus status, bool done)
    {
        var report = Report(status) with { AppliedRestartCount = applied };
        Assert.Equal(done, new RestartVmOperation("op", Deadline, 3).IsDoneBy(new VmProgress(status, report)));
    }

    [Fact]
    public void IsDoneBy_CounterWithoutAReport_IsNotDone() =>
        Assert.False(new ResetVmOperation("op", Deadline, 1).IsDoneBy(new VmProgress(VmStatus.Running, null)));

    [Theory]
    [InlineData(2048L, true)]
    [InlineData(4096L, true)]
    [InlineData(1024L, false)]
    public void IsDoneBy_GrowDisk_DoneWhenTheGuestSeesAtLeastTheSize(long reported, bool done)
    {
        var report = Report(VmStatus.Running) with { DiskSizes = new Dictionary<string, long> { ["d0"] = reported } };
        Assert.Equal(done, new GrowDiskOperation("op", Deadline, "d0", 2048).IsDoneBy(new VmProgress(VmStatus.Running, report)));
    }

    [Fact]
    public void IsDoneBy_GrowDiskOfAnotherDisk_IsNotDone()
    {
        var report = Report(VmStatus.Running) with { DiskSizes = new Dictionary<string, long> { ["other"] = 1L << 40 } };
        Assert.False(new GrowDiskOperation("op", Deadline, "d0", 2048).IsDoneBy(new VmProgress(VmStatus.Running, report)));
    }

    [Fact]
    public void Storage_EveryOperationType_RoundTripsWithItsKind()
    {
        var serializer = new SystemTextJsonGrainStorageSerializer();
        VmOperation[] all =
        [
            new StartVmOperation("a", Deadline), new ResumeVmOperation("b", Deadline), new ShutdownVmOperation("c", Deadline),
            new StopVmOperation("d", Deadline), new PauseVmOperation("e", Deadline), new SuspendVmOperation("f", Deadline),
            new ResetVmOperation("g", Deadline, 4), new RestartVmOperation("h", Deadline, 5), new GrowDiskOperation("i", Deadline, "d0", 99),
        ];
        foreach (var operation in all)
        {
            var json = serializer.Serialize(new VmRecord { Pending = operation }).ToString();
            Assert.Contains($"\"kind\":\"{operation.Kind}\"", json, StringComparison.Ordinal);
            Assert.Equal(operation, serializer.Deserialize<VmRecord>(BinaryData.FromString(json)).Pending);
        }
    }

    [Fact]
    public void Storage_RecordOfTheEarlierStringKindFormat_ReadsAsTheTypedOperation()
    {
        // What VmRecord.Pending looked like when the kind was a string matched in a switch.
        const string stored = """{"desired":"Running","pending":{"id":"op-1","kind":"vm.grow-disk","deadline":"2026-11-27T12:00:00+00:00","targetCount":0,"disk":"web-disk0","targetSize":2048}}""";

        var record = new SystemTextJsonGrainStorageSerializer().Deserialize<VmRecord>(BinaryData.FromString(stored));

        Assert.Equal(new GrowDiskOperation("op-1", Deadline, "web-disk0", 2048), record.Pending);
    }

    private static VmObservation Report(VmStatus status) => new() { Vm = "vm", Epoch = 1, Status = status, Host = "h" };
}
