using Fabric.Contracts.Vms;

namespace Fabric.Contracts.Tests.Vms;

public sealed class HardwareChangeValidatorTests
{
    [Fact]
    public void Validate_GoodChange_HasNoProblems() =>
        Assert.Empty(HardwareChangeValidator.Validate(new HardwareChange { VCpus = 2, MemoryMiB = 1024, AddNic = new CreateVmNic { Mac = "52:54:00:aa:bb:cc" }, RemoveNic = "net1", InsertIso = "debian.iso" }));

    [Fact]
    public void Validate_EveryBadField_ReportedAtOnce()
    {
        var problems = HardwareChangeValidator.Validate(new HardwareChange
        {
            VCpus = 0,
            MemoryMiB = 1,
            Profile = (DeviceProfile)9,
            AddNic = new CreateVmNic { Network = "no such bridge!", Mac = "01:00:00:00:00:00", Model = (NicModel)7 },
            RemoveNic = "eth0",
            InsertIso = "Bad Name",
            EjectIso = true,
        });

        Assert.Equal(["vCpus", "memoryMiB", "profile", "addNic.network", "addNic.mac", "addNic.model", "removeNic", "insertIso", "insertIso"], problems.Select(p => p.Field));
    }

    [Fact]
    public void Validate_RemoveNic_MustLookLikeANicId() =>
        Assert.Contains("NICs are named net0, net1", Assert.Single(HardwareChangeValidator.Validate(new HardwareChange { RemoveNic = "net" })).Message, StringComparison.Ordinal);
}
