using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Fabric.Grains.Vms.Hardware;

namespace Fabric.Grains.Tests.Vms.Hardware;

public sealed class HardwarePlannerTests
{
    private static readonly VmHardware Paravirtual = new()
    {
        VCpus = 2,
        MemoryMiB = 1024,
        Profile = DeviceProfile.Paravirtual,
        Disks = [new VmDiskAttachment("web-disk0", DiskBus.Virtio)],
        Nics = [new VmNic("net0", "user", NicModel.Virtio, "52:54:00:00:00:01")],
        SerialPorts = 1,
    };

    [Fact]
    public void PlanChange_MemoryWhileRunning_IsAConflictToStopFirst()
    {
        var ex = Assert.Throws<FabricException>(() => HardwarePlanner.PlanChange("web", Paravirtual, stopped: false, new HardwareChange { MemoryMiB = 2048 }));

        Assert.Equal(FabricErrorKind.Conflict, ex.Kind);
        Assert.Contains("must be stopped", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanChange_StoppedVm_AppliesCpuMemoryAndCounts()
    {
        var after = HardwarePlanner.PlanChange("web", Paravirtual, stopped: true,
            new HardwareChange { VCpus = 4, MemoryMiB = 2048, AddSerialPort = true, AddScsiController = true });

        Assert.Equal((4, 2048, 2, 1), (after.VCpus, after.MemoryMiB, after.SerialPorts, after.ScsiControllers));
        Assert.Equal(Paravirtual.Disks, after.Disks);
    }

    [Fact]
    public void PlanChange_EmulatedWithVirtioDevices_ListsEveryReason()
    {
        var ex = Assert.Throws<FabricException>(() => HardwarePlanner.PlanChange("web", Paravirtual, stopped: true, new HardwareChange { Profile = DeviceProfile.Emulated }));

        Assert.Equal(2, ex.Problems.Count(p => p.Field == "profile"));
    }

    [Fact]
    public void PlanChange_RequestRulesAndVmRules_ReportedTogether()
    {
        var ex = Assert.Throws<FabricException>(() => HardwarePlanner.PlanChange("web", Paravirtual with { SerialPorts = Limits.MaxSerialPorts }, stopped: true,
            new HardwareChange { VCpus = 0, AddSerialPort = true, RemoveNic = "net7" }));

        Assert.Equal(["vCpus", "removeNic", "addSerialPort"], ex.Problems.Select(p => p.Field));
    }

    [Fact]
    public void PlanChange_RemoveNic_DropsIt() =>
        Assert.Empty(HardwarePlanner.PlanChange("web", Paravirtual, stopped: false, new HardwareChange { RemoveNic = "net0" }).Nics);

    [Fact]
    public void PlanChange_AddNicWithTheMacOfAnExistingNic_IsRefused()
    {
        var ex = Assert.Throws<FabricException>(() => HardwarePlanner.PlanChange("web", Paravirtual, stopped: false,
            new HardwareChange { AddNic = new CreateVmNic { Mac = "52:54:00:00:00:01" } }));

        Assert.Equal("addNic.mac", Assert.Single(ex.Problems).Field);
    }

    [Fact]
    public void NextNicId_FillsTheFirstGap() =>
        Assert.Equal("net1", HardwarePlanner.NextNicId([new VmNic("net0", "user", NicModel.Virtio, "m0"), new VmNic("net2", "user", NicModel.Virtio, "m2")]));

    [Fact]
    public void PlanAttach_FirstScsiDisk_BringsAController()
    {
        var after = HardwarePlanner.PlanAttach("web", Paravirtual, "data", DiskBus.Scsi);

        Assert.Equal(1, after.ScsiControllers);
        Assert.Equal(new VmDiskAttachment("data", DiskBus.Scsi), after.Disks[^1]);
    }

    [Fact]
    public void PlanAttach_BusNumberOutsideTheNames_IsInvalid() =>
        Assert.Equal("bus", Assert.Throws<FabricException>(() => HardwarePlanner.PlanAttach("web", Paravirtual, "d", (DiskBus)9)).Problems[0].Field);

    [Fact]
    public void PlanAttach_VirtioOnEmulated_IsInvalid() =>
        Assert.Equal("bus", Assert.Throws<FabricException>(() => HardwarePlanner.PlanAttach("web", Paravirtual with { Profile = DeviceProfile.Emulated, Disks = [] }, "d", DiskBus.Virtio)).Problems[0].Field);

    [Fact]
    public void PlanAttach_AlreadyAttached_IsAConflict() =>
        Assert.Equal(FabricErrorKind.Conflict, Assert.Throws<FabricException>(() => HardwarePlanner.PlanAttach("web", Paravirtual, "web-disk0", DiskBus.Virtio)).Kind);

    [Fact]
    public void PlanDetach_UnknownDisk_NamesTheDisksTheVmHas() =>
        Assert.Contains("VM 'web' has web-disk0", Assert.Throws<FabricException>(() => HardwarePlanner.PlanDetach("web", Paravirtual, "nope")).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData(2048L, 1024L, "never shrinks")]
    [InlineData(2048L, 2048L, "already")]
    public void CheckOnlineGrow_NotBigger_IsInvalid(long current, long wanted, string says) =>
        Assert.Contains(says, Assert.Throws<FabricException>(() => HardwarePlanner.CheckOnlineGrow("d", current << 20, wanted << 20)).Message, StringComparison.Ordinal);

    [Fact]
    public void CheckOnlineGrow_Bigger_IsFine() => HardwarePlanner.CheckOnlineGrow("d", 1L << 30, 2L << 30);
}
