using Fabric.Hypervisor.Qemu.CommandLine;
using Fabric.Hypervisor.Qemu.Lifecycle;

namespace Fabric.Hypervisor.Tests.Qemu.CommandLine;

/// <summary>
/// User text must never become a QEMU option. Commas are doubled (QEMU reads ",," as one literal
/// comma), control characters are refused, and paths that are whole arguments refuse commas.
/// The real-QEMU half of this proof (QEMU opening such a path verbatim) is in the lifecycle tests.
/// </summary>
public sealed class QemuCommandLineInjectionTests
{
    private static readonly VmRuntimePaths Paths = new("/run/fabric/vms", "vm1");

    [Fact]
    public void Build_NameWithCommaAndEquals_IsOneEscapedValue()
    {
        var argv = Build(Spec() with { Name = "x,accel=kvm,name=y" });
        Assert.Equal("guest=x,,accel=kvm,,name=y,debug-threads=on", After(argv, "-name"));
        Assert.Equal("pc-q35-7.2,accel=tcg", After(argv, "-machine"));
    }

    [Fact]
    public void Build_DiskPathWithCommaQuotesSpacesEquals_IsEscapedNotSplit()
    {
        var path = "/pool/a,driver=host_device,filename=/dev/sda b\"c'd=e.qcow2";
        var argv = Build(Spec() with { Disks = [new VmDiskSpec("disk0", path, DiskFormat.Qcow2)] });
        var fileNode = argv.Single(a => a.StartsWith("driver=file,node-name=file-disk0", StringComparison.Ordinal));
        Assert.Equal("driver=file,node-name=file-disk0,filename=/pool/a,,driver=host_device,,filename=/dev/sda b\"c'd=e.qcow2", fileNode);
    }

    [Theory]
    [InlineData("evil\nname")]
    [InlineData("evil\rname")]
    [InlineData("evil\0name")]
    public void Build_NameWithControlCharacter_IsRefused(string name)
    {
        var error = Assert.Throws<HypervisorException>(() => Build(Spec() with { Name = name }));
        Assert.Equal(HypervisorErrorCode.InvalidSpec, error.Code);
        Assert.Contains("control character", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_DiskPathWithNewline_IsRefused()
    {
        var spec = Spec() with { Disks = [new VmDiskSpec("disk0", "/pool/a\n-device evil", DiskFormat.Raw)] };
        Assert.Equal(HypervisorErrorCode.InvalidSpec, Assert.Throws<HypervisorException>(() => Build(spec)).Code);
    }

    [Fact]
    public void Build_RelativeDiskPath_IsRefused()
    {
        var spec = Spec() with { Disks = [new VmDiskSpec("disk0", "pool/a.raw", DiskFormat.Raw)] };
        Assert.Contains("absolute", Assert.Throws<HypervisorException>(() => Build(spec)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_KernelPathWithComma_IsRefusedBecauseItIsAWholeArgument()
    {
        var spec = Spec() with { DirectKernelBoot = new DirectKernelBoot("/boot/a,b", null, null) };
        Assert.Contains("comma", Assert.Throws<HypervisorException>(() => Build(spec)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_KernelCommandLineWithSpacesAndQuotes_IsPassedVerbatim()
    {
        var spec = Spec() with { DirectKernelBoot = new DirectKernelBoot("/boot/vmlinuz", null, "console=ttyS0 x=\"a b\",c") };
        Assert.Equal("console=ttyS0 x=\"a b\",c", After(Build(spec), "-append"));
    }

    [Fact]
    public void Build_RuntimeRootWithEquals_IsRefusedForTheVncSocket()
    {
        var error = Assert.Throws<HypervisorException>(() =>
            QemuCommandLineBuilder.Build(Spec(), new VmRuntimePaths("/run/a=b", "vm1"), "tcg"));
        Assert.Contains("'='", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../etc")]
    [InlineData("a/b")]
    [InlineData("a,b")]
    [InlineData("")]
    public void Build_VmIdThatIsNotAPlainName_IsRefused(string vmId)
    {
        Assert.Equal(HypervisorErrorCode.InvalidSpec, Assert.Throws<HypervisorException>(() => Build(Spec() with { VmId = vmId })).Code);
    }

    [Theory]
    [InlineData("disk0,drive=x")]
    [InlineData("0disk")]
    [InlineData("disk 0")]
    public void Build_DeviceIdWithSeparators_IsRefused(string id)
    {
        var spec = Spec() with { Disks = [new VmDiskSpec(id, "/pool/a.raw", DiskFormat.Raw)] };
        Assert.Equal(HypervisorErrorCode.InvalidSpec, Assert.Throws<HypervisorException>(() => Build(spec)).Code);
    }

    [Theory]
    [InlineData("br0,helper=/bin/sh")]
    [InlineData("a-bridge-name-too-long")]
    public void Build_BridgeNameThatIsNoInterfaceName_IsRefused(string bridge)
    {
        var spec = Spec() with { Nics = [new VmNicSpec("net0") { Bridge = bridge }] };
        Assert.Equal(HypervisorErrorCode.InvalidSpec, Assert.Throws<HypervisorException>(() => Build(spec)).Code);
    }

    [Fact]
    public void Build_MacAddressWithInjectedOption_IsRefused()
    {
        var spec = Spec() with { Nics = [new VmNicSpec("net0") { MacAddress = "52:54:00:00:00:01,romfile=/x" }] };
        Assert.Equal(HypervisorErrorCode.InvalidSpec, Assert.Throws<HypervisorException>(() => Build(spec)).Code);
    }

    private static VmRuntimeSpec Spec() => new("vm1", "vm one", 1, 1, 128) { HotplugSlots = 0 };

    private static IReadOnlyList<string> Build(VmRuntimeSpec spec) => QemuCommandLineBuilder.Build(spec, Paths, "tcg");

    private static string After(IReadOnlyList<string> argv, string option) => argv[argv.ToList().IndexOf(option) + 1];
}
