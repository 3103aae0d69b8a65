using Fabric.Contracts.Vms;

namespace Fabric.Contracts.Tests.Vms;

/// <summary>JSON can send nulls and numbers the C# types rule out; each is a problem naming where it is, never an exception.</summary>
public sealed class CreateVmRequestValidatorTests
{
    [Fact]
    public void Validate_GoodRequest_HasNoProblems() =>
        Assert.Empty(CreateVmRequestValidator.Validate(new CreateVmRequest { Name = "web1", Disks = [new CreateVmDisk { SizeBytes = 1L << 30 }], BootOrder = ["disk"] }));

    [Fact]
    public void Validate_NullLists_NamedByField()
    {
        var problems = CreateVmRequestValidator.Validate(new CreateVmRequest { Name = "web1", Disks = null!, Nics = null!, BootOrder = null! });

        Assert.Equal(["disks", "nics", "bootOrder"], problems.Select(p => p.Field));
    }

    [Fact]
    public void Validate_NullItems_NamedByIndex()
    {
        var problems = CreateVmRequestValidator.Validate(new CreateVmRequest
        {
            Name = "web1",
            Disks = [new CreateVmDisk { SizeBytes = 1L << 30 }, null!],
            Nics = [null!, new CreateVmNic { Mac = "52:54:00:aa:bb:cc" }, new CreateVmNic { Mac = "52:54:00:aa:bb:cc" }],
            BootOrder = [null!],
        });

        Assert.Equal(["disks[1]", "nics[0]", "bootOrder[0]", "nics[2].mac"], problems.Select(p => p.Field));
    }

    [Fact]
    public void Validate_EnumNumbersOutsideTheNames_NamedByField()
    {
        var problems = CreateVmRequestValidator.Validate(new CreateVmRequest
        {
            Name = "web1",
            Profile = (DeviceProfile)7,
            Restart = (RestartPolicy)9,
            Disks = [new CreateVmDisk { SizeBytes = 1L << 30, Bus = (DiskBus)5 }],
            Nics = [new CreateVmNic { Model = (NicModel)6 }],
        });

        Assert.Equal(["profile", "restart", "disks[0].bus", "nics[0].model"], problems.Select(p => p.Field));
    }
}
