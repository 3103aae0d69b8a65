using Fabric.Hypervisor.Probing;
using Fabric.Hypervisor.Qemu;
using Fabric.Hypervisor.Tests.Support;
using Fabric.Testing.Guest;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fabric.Hypervisor.Tests.Probing;

[Collection(QemuCollection.Name)]
public sealed class AccelerationProbeTests
{
    [Fact(Timeout = 300_000)]
    [Trait("Needs", "Qemu")]
    public async Task ProbeAsync_BootsAKvmGuest_ReportsWhetherKvmWorksHereAndVmsUseThatAccelerator()
    {
        // The build machines have /dev/kvm but KVM guests hang there, so by default this asserts
        // "unavailable, TCG"; FABRIC_EXPECT_KVM=1 on a host where KVM really works asserts the opposite.
        await using var host = new QemuTestHost(forceAccelerator: null);

        var info = await host.Driver.ProbeAsync(default);

        Assert.Equal("qemu", info.Driver);
        Assert.Matches(@"^\d+\.\d+\.\d+$", info.Version);
        Assert.True(KvmExpectation.KvmWorks == info.Acceleration.HardwareAvailable,
            $"expected KVM {(KvmExpectation.KvmWorks ? "to work" : "not to work")} here ({KvmExpectation.Variable}); the probe said: {info.Acceleration.Reason}");
        Assert.Equal(KvmExpectation.Accelerator, info.Acceleration.Accelerator);
        Assert.Contains(KvmExpectation.KvmWorks ? "a KVM guest printed kernel output" : "TCG", info.Acceleration.Reason, StringComparison.Ordinal);
        Assert.Same(info, await host.Driver.ProbeAsync(default));

        var status = await host.Driver.StartAsync(QemuTestHost.GuestSpec("probed"), default);
        var expectedArguments = KvmExpectation.KvmWorks ? "accel=kvm\0-cpu\0host" : "accel=tcg\0-cpu\0max";
        Assert.Contains(expectedArguments, await File.ReadAllTextAsync($"/proc/{status.ProcessId}/cmdline"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_NoKernelToProbeWith_IsUnavailableWithThatReason()
    {
        var options = new QemuHypervisorOptions { ProbeKernelPath = "/nonexistent/vmlinuz" };
        var result = await new AccelerationProbe(options, NullLogger<AccelerationProbe>.Instance, TimeProvider.System).ProbeAsync(default);
        Assert.False(result.HardwareAvailable);
        Assert.Contains(File.Exists("/dev/kvm") ? "no kernel to probe" : "enable VT-x/AMD-V", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_ForcedTcg_SaysSoWithoutBooting()
    {
        var options = new QemuHypervisorOptions { ForceAccelerator = "tcg" };
        var result = await new AccelerationProbe(options, NullLogger<AccelerationProbe>.Instance, TimeProvider.System).ProbeAsync(default);
        Assert.Equal(("tcg", false), (result.Accelerator, result.HardwareAvailable));
        Assert.Contains("ForceAccelerator", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("QEMU emulator version 7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)\nCopyright", "7.2.22")]
    [InlineData("QEMU emulator version 9.1.0\n", "9.1.0")]
    [InlineData("garbage", "unknown")]
    public void QemuVersionReader_Parse_ReadsTheVersion(string output, string expected) => Assert.Equal(expected, QemuVersionReader.Parse(output));

    [Fact]
    public void ProbeKernelLocator_ConfiguredKernelMissing_FindsNothingRatherThanGuessing() =>
        Assert.Null(ProbeKernelLocator.Find("/nonexistent/vmlinuz"));
}
