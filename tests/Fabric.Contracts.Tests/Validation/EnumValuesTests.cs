using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;

namespace Fabric.Contracts.Tests.Validation;

public sealed class EnumValuesTests
{
    [Fact]
    public void Validate_NamedValue_IsNull() => Assert.Null(EnumValues.Validate(DiskBus.Scsi, "disk bus"));

    [Fact]
    public void Validate_NumberOutsideTheNames_SaysWhatToUse()
    {
        var problem = EnumValues.Validate((DiskBus)42, "disk bus");

        Assert.Equal("unknown disk bus 42; use default, virtio, scsi, ide", problem);
    }
}
