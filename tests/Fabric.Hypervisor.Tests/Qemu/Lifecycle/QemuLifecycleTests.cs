using Fabric.Hypervisor.Qemu.Lifecycle;
using Fabric.Hypervisor.Tests.Support;
using Fabric.Testing.Guest;

namespace Fabric.Hypervisor.Tests.Qemu.Lifecycle;

[Collection(QemuCollection.Name)]
[Trait("Needs", "Qemu")]
public sealed class QemuLifecycleTests : IAsyncLifetime
{
    private const int Timeout = 300_000;
    private readonly QemuTestHost _host = new();

    [Fact(Timeout = Timeout)]
    public async Task StartAsync_TestGuest_BootsUnderTcgAndAgentAnswers()
    {
        var status = await _host.Driver.StartAsync(QemuTestHost.GuestSpec("boot"), default);

        Assert.Equal(VmRunState.Running, status.State);
        var cmdline = await File.ReadAllTextAsync($"/proc/{status.ProcessId}/cmdline");
        Assert.Contains("accel=tcg\0-cpu\0max", cmdline, StringComparison.Ordinal);
        await _host.WaitForAgentAsync("boot");
        var os = await _host.Driver.GuestAgent.GetOsInfoAsync("boot", default);
        Assert.StartsWith("6.1", os.KernelRelease, StringComparison.Ordinal);
        await _host.WaitForSerialAsync("boot", "FABRIC-GUEST: agent-ready");
    }

    [Fact(Timeout = Timeout)]
    public async Task StartAsync_WhileRunning_IsRefusedAndTheRunningVmIsUntouched()
    {
        var first = await _host.Driver.StartAsync(QemuTestHost.GuestSpec("twice"), default);

        var error = await Assert.ThrowsAsync<HypervisorException>(() => _host.Driver.StartAsync(QemuTestHost.GuestSpec("twice"), default));

        Assert.Equal(HypervisorErrorCode.AlreadyRunning, error.Code);
        Assert.Contains("stop it before", error.Message, StringComparison.Ordinal);
        var after = await _host.Driver.GetStatusAsync("twice", default);
        Assert.Equal(first.ProcessId, after!.ProcessId);
        Assert.Equal(VmRunState.Running, after.State);
    }

    [Fact(Timeout = Timeout)]
    public async Task StopAsync_Force_EndsProcessAndForgetsVm()
    {
        var status = await _host.Driver.StartAsync(QemuTestHost.GuestSpec("force"), default);

        await _host.Driver.StopAsync("force", StopMode.Force, TimeSpan.Zero, default);

        Assert.False(File.Exists($"/proc/{status.ProcessId}/cmdline") && (await File.ReadAllTextAsync($"/proc/{status.ProcessId}/cmdline")).Contains("force", StringComparison.Ordinal));
        Assert.Null(await _host.Driver.GetStatusAsync("force", default));
        Assert.Empty(await _host.Driver.ListAsync(default));
    }

    [Fact(Timeout = Timeout)]
    public async Task StopAsync_GracefulParavirtual_GuestPowersOffBeforeTheGraceEnds()
    {
        await _host.Driver.StartAsync(QemuTestHost.GuestSpec("graceful"), default);
        await _host.WaitForAgentAsync("graceful");
        var grace = TimeSpan.FromSeconds(120);
        var started = DateTime.UtcNow;

        await _host.Driver.StopAsync("graceful", StopMode.Graceful, grace, default);

        // The kill step only runs once the grace period is spent; finishing well before it means the guest shut itself down.
        Assert.True(DateTime.UtcNow - started < grace / 2, $"graceful stop took {DateTime.UtcNow - started}");
        Assert.Null(await _host.Driver.GetStatusAsync("graceful", default));
    }

    [Fact(Timeout = Timeout)]
    public async Task StopAsync_GracefulEmulated_AcpiPowerButtonShutsGuestDown()
    {
        await _host.Driver.StartAsync(QemuTestHost.GuestSpec("acpi", DeviceProfile.Emulated), default);
        await _host.WaitForSerialAsync("acpi", "FABRIC-GUEST: ready");
        // Stopping removes the VM's runtime folder; a handle opened now still reads its serial log to the end.
        await using var serialLog = new FileStream(new VmRuntimePaths(_host.RuntimeRoot, "acpi").SerialLog(0), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var grace = TimeSpan.FromSeconds(120);
        var started = DateTime.UtcNow;

        await _host.Driver.StopAsync("acpi", StopMode.Graceful, grace, default);

        Assert.True(DateTime.UtcNow - started < grace / 2, $"ACPI stop took {DateTime.UtcNow - started}");
        // The guest's power-button handler ran and its kernel powered the machine off: an ACPI shutdown, not QMP quit or a kill.
        var log = await new StreamReader(serialLog).ReadToEndAsync();
        Assert.Contains("FABRIC-GUEST: shutdown (acpi power button)", log, StringComparison.Ordinal);
        Assert.Contains("reboot: Power down", log, StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeout)]
    public async Task GuestShutdown_IsListedAsStoppedWithReason_UntilStopForgetsIt()
    {
        await _host.Driver.StartAsync(QemuTestHost.GuestSpec("byguest"), default);
        await _host.WaitForAgentAsync("byguest");

        await _host.Driver.GuestAgent.ShutdownAsync("byguest", default);

        await Eventually.HoldsAsync(async () => (await _host.Driver.GetStatusAsync("byguest", default))?.ExitReason is not null,
            QemuTestHost.BootTimeout, "the guest to power off");
        var status = (await _host.Driver.ListAsync(default)).Single();
        Assert.Equal(VmExitReason.GuestShutdown, status.ExitReason);
        Assert.Equal(VmRunState.Stopped, status.State);
        await _host.Driver.StopAsync("byguest", StopMode.Graceful, TimeSpan.FromSeconds(10), default);
        Assert.Empty(await _host.Driver.ListAsync(default));
    }

    [Fact(Timeout = Timeout)]
    public async Task KilledProcess_IsReportedAsProcessLost()
    {
        var status = await _host.Driver.StartAsync(QemuTestHost.GuestSpec("killed"), default);

        using (var process = System.Diagnostics.Process.GetProcessById(status.ProcessId!.Value))
        {
            process.Kill();
        }

        await Eventually.HoldsAsync(async () => (await _host.Driver.GetStatusAsync("killed", default))?.ExitReason is not null,
            TimeSpan.FromSeconds(30), "the kill to be noticed");
        var after = await _host.Driver.GetStatusAsync("killed", default);
        Assert.Equal(VmExitReason.ProcessLost, after!.ExitReason);
        Assert.Contains("killed", after.Detail, StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeout)]
    public async Task PauseResumeReset_ChangeStateAndGuestRebootsOnReset()
    {
        await _host.Driver.StartAsync(QemuTestHost.GuestSpec("power"), default);
        await _host.WaitForSerialAsync("power", "FABRIC-GUEST: init");

        await _host.Driver.PauseAsync("power", default);
        Assert.Equal(VmRunState.Paused, (await _host.Driver.GetStatusAsync("power", default))!.State);
        Assert.Equal(HypervisorErrorCode.NotRunning,
            (await Assert.ThrowsAsync<HypervisorException>(() => _host.Driver.PauseAsync("power", default))).Code);
        await _host.Driver.ResumeAsync("power", default);
        Assert.Equal(VmRunState.Running, (await _host.Driver.GetStatusAsync("power", default))!.State);

        await _host.Driver.ResetAsync("power", default);
        await _host.WaitForSerialAsync("power", "FABRIC-GUEST: init", occurrences: 2);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
