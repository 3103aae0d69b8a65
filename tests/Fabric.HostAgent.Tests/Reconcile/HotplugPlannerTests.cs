using Fabric.Contracts.Hosts;
using Fabric.Contracts.Vms;
using Fabric.HostAgent.Reconcile;

namespace Fabric.HostAgent.Tests.Reconcile;

public sealed class HotplugPlannerTests : IAsyncLifetime
{
    private readonly ReconcileFixture _f = new();

    public Task InitializeAsync() => Task.CompletedTask;

    // xunit 2 disposes test classes through IAsyncLifetime, not IAsyncDisposable.
    public async Task DisposeAsync() => await _f.DisposeAsync();

    private static VmAssignment WithDisks(VmAssignment a, int scsiControllers, params (string Name, DiskBus Bus, long Size)[] disks) => a with
    {
        Hardware = a.Hardware with { Profile = DeviceProfile.Paravirtual, ScsiControllers = scsiControllers },
        Disks = [.. disks.Select(d => new AssignedDisk(d.Name, new AssignedFile("local", $"disks/{d.Name}.qcow2"), "qcow2", d.Bus, d.Size))],
    };

    private AppliedVm Applied(VmAssignment a, int scsiControllers) => new()
    {
        Epoch = a.Epoch,
        Spec = new AssignmentTranslator(_f.Paths).Translate(a),
        ScsiControllers = scsiControllers,
        DiskSizes = a.Disks.ToDictionary(d => d.Name, d => d.SizeBytes),
    };

    [Fact]
    public void Next_NewScsiDisk_AddsTheControllerFirstThenTheDisk_ThenNothing()
    {
        var before = WithDisks(ReconcileFixture.Assignment("vm1", PowerState.Running), 0, ("boot", DiskBus.Virtio, 1 << 30));
        var after = WithDisks(before, 1, ("boot", DiskBus.Virtio, 1 << 30), ("data", DiskBus.Scsi, 1 << 20));
        var translator = new AssignmentTranslator(_f.Paths);
        var applied = Applied(before, 0);

        var first = HotplugPlanner.Next(after, translator.Translate(after), applied);
        applied = HotplugPlanner.Apply(applied, first!);
        var second = HotplugPlanner.Next(after, translator.Translate(after), applied);
        applied = HotplugPlanner.Apply(applied, second!);

        Assert.Equal(new HotplugStep.AddScsiController("scsi0"), first);
        var attach = Assert.IsType<HotplugStep.AttachDisk>(second);
        Assert.Equal(("scsi0", "data"), (attach.ScsiController, attach.DiskName));
        Assert.Null(HotplugPlanner.Next(after, translator.Translate(after), applied));
    }

    [Fact]
    public void Next_BiggerDisk_Resizes_DetachedDisk_IsForgottenWithItsSize()
    {
        var before = WithDisks(ReconcileFixture.Assignment("vm2", PowerState.Running), 0, ("boot", DiskBus.Virtio, 1 << 30), ("old", DiskBus.Virtio, 1 << 20));
        var grown = WithDisks(before, 0, ("boot", DiskBus.Virtio, 2L << 30), ("old", DiskBus.Virtio, 1 << 20));
        var translator = new AssignmentTranslator(_f.Paths);
        var resize = HotplugPlanner.Next(grown, translator.Translate(grown), Applied(before, 0));

        var without = WithDisks(before, 0, ("boot", DiskBus.Virtio, 1 << 30));
        var detach = HotplugPlanner.Next(without, translator.Translate(without), Applied(before, 0));
        var afterDetach = HotplugPlanner.Apply(Applied(before, 0), detach!);

        Assert.Equal(new HotplugStep.ResizeDisk("boot", AssignmentTranslator.DiskId("boot"), 2L << 30), resize);
        Assert.Equal("old", Assert.IsType<HotplugStep.DetachDisk>(detach).DiskName);
        Assert.False(afterDetach.DiskSizes.ContainsKey("old"));
    }

    [Fact]
    public void DiskId_LongestDiskName_FitsQemusNodeNameLimit()
    {
        var id = AssignmentTranslator.DiskId(new string('a', 63));

        Assert.True($"drive-{id}".Length <= 31, id);
        Assert.NotEqual(id, AssignmentTranslator.DiskId(new string('a', 62) + "b"));
    }
}
