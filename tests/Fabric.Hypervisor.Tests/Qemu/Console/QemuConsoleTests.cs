using System.Text;
using Fabric.Hypervisor.Tests.Support;
using Fabric.Testing.Guest;

namespace Fabric.Hypervisor.Tests.Qemu.Console;

[Collection(QemuCollection.Name)]
[Trait("Needs", "Qemu")]
public sealed class QemuConsoleTests : IAsyncLifetime
{
    private const int Timeout = 300_000;
    private readonly QemuTestHost _host = new();

    [Fact(Timeout = Timeout)]
    public async Task OpenSerialAsync_ShellOnCom1_AnswersTypedCommands()
    {
        await _host.Driver.StartAsync(QemuTestHost.GuestSpec("serial"), default);
        await _host.WaitForSerialAsync("serial", "FABRIC-GUEST: ready");

        await using var console = await _host.Driver.Console.OpenSerialAsync("serial", 0, default);
        // The arithmetic makes the expected text appear only in the shell's answer, never in the echo.
        await console.WriteAsync(Encoding.ASCII.GetBytes("echo FABRIC-$((40+2))\n"));
        var seen = new StringBuilder();
        var buffer = new byte[4096];
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!seen.ToString().Contains("FABRIC-42", StringComparison.Ordinal))
        {
            var read = await console.ReadAsync(buffer, deadline.Token);
            Assert.True(read > 0, "serial console closed");
            seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
    }

    [Fact(Timeout = Timeout)]
    public async Task EmulatedProfile_BootsInstallerIsoWithE1000_ScreenshotIsPngAndAgentIsUnsupported()
    {
        var spec = new VmRuntimeSpec("emulated", "emulated", 1, 1, 256)
        {
            Profile = DeviceProfile.Emulated,
            CdRoms = [new VmCdromSpec("cd0", TestGuest.InstallIso)],
            Nics = [new VmNicSpec("net0")],
            BootOrder = ["cd0"],
        };
        await _host.Driver.StartAsync(spec, default);
        await _host.WaitForSerialAsync("emulated", "FABRIC-GUEST: ready");

        var png = await _host.Driver.Console.ScreenshotPngAsync("emulated", default);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        // The guest loads every NIC driver it has, so its log naming e1000 proves nothing: ask it which card eth0 is.
        await using (var console = await _host.Driver.Console.OpenSerialAsync("emulated", 0, default))
        {
            Assert.Equal(["0x8086", "0x100e", "e1000"], await SerialShell.DescribeEth0Async(console, TimeSpan.FromSeconds(60)));
        }

        var error = await Assert.ThrowsAsync<HypervisorException>(() => _host.Driver.GuestAgent.PingAsync("emulated", default));
        Assert.Equal(HypervisorErrorCode.Unsupported, error.Code);
    }

    [Fact(Timeout = Timeout)]
    public async Task ScreenshotPngAsync_WithoutDisplay_IsUnsupported()
    {
        await _host.Driver.StartAsync(QemuTestHost.GuestSpec("headless") with { Display = VmDisplay.None }, default);
        Assert.Equal(HypervisorErrorCode.Unsupported,
            (await Assert.ThrowsAsync<HypervisorException>(() => _host.Driver.Console.ScreenshotPngAsync("headless", default))).Code);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
