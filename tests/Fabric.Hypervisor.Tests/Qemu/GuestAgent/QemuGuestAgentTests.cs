using Fabric.Hypervisor.Tests.Support;

namespace Fabric.Hypervisor.Tests.Qemu.GuestAgent;

[Collection(QemuCollection.Name)]
[Trait("Needs", "Qemu")]
public sealed class QemuGuestAgentTests : IAsyncLifetime
{
    private const int Timeout = 300_000;
    private const string Vm = "agent";
    private readonly QemuTestHost _host = new();

    [Fact(Timeout = Timeout)]
    public async Task ExecAsync_CapturesStdoutStderrAndExitCode()
    {
        var result = await _host.Driver.GuestAgent.ExecAsync(Vm, "/bin/sh", ["-c", "echo out; echo err >&2; exit 3"], TimeSpan.FromSeconds(30), default);
        Assert.Equal((3, "out\n", "err\n"), (result.ExitCode, result.StandardOutput, result.StandardError));
    }

    [Fact(Timeout = Timeout)]
    public async Task GetNetworkInterfacesAsync_ListsTheNicWithItsMac()
    {
        await _host.WaitForSerialAsync(Vm, "FABRIC-GUEST: ready");
        var interfaces = await _host.Driver.GuestAgent.GetNetworkInterfacesAsync(Vm, default);
        var mac = Fabric.Hypervisor.Qemu.CommandLine.DeviceRules.MacAddress(Vm, new VmNicSpec("net0"));
        var nic = Assert.Single(interfaces, i => i.MacAddress == mac);
        Assert.Contains("10.0.2.15", nic.IpAddresses);
    }

    [Fact(Timeout = Timeout)]
    public async Task RebootAsync_GuestBootsAgainAndAgentReturns()
    {
        await _host.Driver.GuestAgent.RebootAsync(Vm, default);
        await _host.WaitForSerialAsync(Vm, "FABRIC-GUEST: init", occurrences: 2);
        await _host.WaitForAgentAsync(Vm);
        Assert.Equal(VmRunState.Running, (await _host.Driver.GetStatusAsync(Vm, default))!.State);
    }

    [Fact(Timeout = Timeout)]
    public async Task SuspendAsync_ThenResume_GuestWakesUp()
    {
        await _host.Driver.GuestAgent.SuspendAsync(Vm, default);
        await Eventually.HoldsAsync(async () => (await _host.Driver.GetStatusAsync(Vm, default))!.State == VmRunState.Suspended,
            TimeSpan.FromSeconds(60), "the guest to suspend");

        await _host.Driver.ResumeAsync(Vm, default);

        await _host.WaitForAgentAsync(Vm);
        Assert.Equal(VmRunState.Running, (await _host.Driver.GetStatusAsync(Vm, default))!.State);
    }

    public async Task InitializeAsync()
    {
        await _host.Driver.StartAsync(QemuTestHost.GuestSpec(Vm), default);
        await _host.WaitForAgentAsync(Vm);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
