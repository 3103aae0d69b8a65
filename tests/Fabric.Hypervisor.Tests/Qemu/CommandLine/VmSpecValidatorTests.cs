using Fabric.Hypervisor.Qemu.CommandLine;

namespace Fabric.Hypervisor.Tests.Qemu.CommandLine;

public sealed class VmSpecValidatorTests
{
    private static readonly VmRuntimeSpec Valid = new("vm1", "vm one", 1, 1, 128);

    [Fact]
    public void Validate_DuplicateDeviceIds_NamesTheDuplicate()
    {
        var spec = Valid with { Disks = [new VmDiskSpec("x", "/p/a", DiskFormat.Raw)], Nics = [new VmNicSpec("x")] };
        Assert.Contains("'x' twice", Assert.Throws<HypervisorException>(() => VmSpecValidator.Validate(spec)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BootOrderNamingUnknownDevice_IsRefused()
    {
        var spec = Valid with { BootOrder = ["disk9"] };
        Assert.Contains("disk9", Assert.Throws<HypervisorException>(() => VmSpecValidator.Validate(spec)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MoreSataDevicesThanAhciPorts_IsRefused()
    {
        var spec = Valid with
        {
            Profile = DeviceProfile.Emulated,
            Disks = [.. Enumerable.Range(0, 5).Select(i => new VmDiskSpec($"d{i}", $"/p/{i}", DiskFormat.Raw))],
            CdRoms = [new VmCdromSpec("cd0", null), new VmCdromSpec("cd1", null)],
        };
        Assert.Contains("AHCI", Assert.Throws<HypervisorException>(() => VmSpecValidator.Validate(spec)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 128)]
    [InlineData(1, 8)]
    public void Validate_TooFewCpusOrTooLittleMemory_IsRefused(int cpus, int mib)
    {
        Assert.Equal(HypervisorErrorCode.InvalidSpec,
            Assert.Throws<HypervisorException>(() => VmSpecValidator.Validate(Valid with { VCpus = cpus, MemoryMiB = mib })).Code);
    }

    [Fact]
    public void Validate_ReadOnlySataDisk_IsRefusedBecauseIdeHdCannotBeReadOnly()
    {
        var spec = Valid with { Disks = [new VmDiskSpec("d0", "/p/a", DiskFormat.Raw) { Bus = DiskBus.Sata, ReadOnly = true }] };
        Assert.Contains("read-only", Assert.Throws<HypervisorException>(() => VmSpecValidator.Validate(spec)).Message, StringComparison.Ordinal);
    }
}
