using Fabric.Contracts.Rest;
using Fabric.Contracts.Vms;

namespace Fabric.Contracts.Tests.Rest;

public sealed class AttachDiskRequestValidatorTests
{
    [Fact]
    public void Validate_GoodRequest_HasNoProblems() =>
        Assert.Empty(AttachDiskRequestValidator.Validate(new AttachDiskRequest { Disk = "data1", Bus = DiskBus.Scsi }));

    [Fact]
    public void Validate_NullDiskAndUnknownBus_BothReported() =>
        Assert.Equal(["disk", "bus"], AttachDiskRequestValidator.Validate(new AttachDiskRequest { Disk = null!, Bus = (DiskBus)9 }).Select(p => p.Field));
}
