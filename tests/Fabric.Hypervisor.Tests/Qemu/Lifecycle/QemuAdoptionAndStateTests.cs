using Fabric.Hypervisor.Tests.Support;

namespace Fabric.Hypervisor.Tests.Qemu.Lifecycle;

[Collection(QemuCollection.Name)]
[Trait("Needs", "Qemu")]
public sealed class QemuAdoptionAndStateTests : IAsyncLifetime
{
    private const int Timeout = 300_000;
    private readonly QemuTestHost _host = new();

    [Fact(Timeout = Timeout)]
    public async Task NewDriverInstance_AdoptsRunningVm_WithoutRestartingIt()
    {
        var started = await _host.Driver.StartAsync(QemuTestHost.GuestSpec("adopt") with { Epoch = 42 }, default);
        await _host.WaitForAgentAsync("adopt");
        await _host.ShellAsync("adopt", "echo before-restart > /tmp/marker");

        var restarted = await _host.RestartDriverAsync();

        var listed = Assert.Single(await restarted.ListAsync(default));
        Assert.Equal(("adopt", 42L, VmRunState.Running, started.ProcessId), (listed.VmId, listed.Epoch, listed.State, listed.ProcessId));
        Assert.Equal("before-restart\n", await _host.ShellAsync("adopt", "cat /tmp/marker"));
        await restarted.PauseAsync("adopt", default);
        Assert.Equal(VmRunState.Paused, (await restarted.GetStatusAsync("adopt", default))!.State);
    }

    [Fact(Timeout = Timeout)]
    public async Task GuestShutdownWhileNoAgentWatched_IsRecognisedByTheNextDriver()
    {
        await _host.Driver.StartAsync(QemuTestHost.GuestSpec("unwatched"), default);
        await _host.WaitForAgentAsync("unwatched");
        await _host.Driver.DisposeAsync();

        // Talk to the guest agent socket directly: no driver is attached while the guest powers off.
        using (var agent = new Fabric.Hypervisor.Qemu.GuestAgent.GuestAgentClient(Path.Combine(_host.RuntimeRoot, "unwatched", "qga.sock"), TimeProvider.System))
        {
            await agent.SendWithoutReplyAsync("guest-shutdown", null, TimeSpan.FromSeconds(10), default);
        }

        var restarted = _host.NewDriver();
        await Eventually.HoldsAsync(async () => (await restarted.GetStatusAsync("unwatched", default))?.ExitReason is not null,
            QemuTestHost.BootTimeout, "the unwatched shutdown to be recognised");
        Assert.Equal(VmExitReason.GuestShutdown, (await restarted.GetStatusAsync("unwatched", default))!.ExitReason);
        await restarted.DisposeAsync();
    }

    [Fact(Timeout = Timeout)]
    public async Task SaveThenRestore_GuestMemoryComesBack()
    {
        var spec = QemuTestHost.GuestSpec("sleepy");
        await _host.Driver.StartAsync(spec, default);
        await _host.WaitForAgentAsync("sleepy");
        await _host.ShellAsync("sleepy", "echo kept-in-ram > /tmp/marker");
        var stateFile = _host.InPool("sleepy.state");

        await _host.Driver.SaveStateAsync("sleepy", stateFile, default);

        Assert.Null(await _host.Driver.GetStatusAsync("sleepy", default));
        Assert.True(new FileInfo(stateFile).Length > 1024 * 1024);
        var restored = await _host.Driver.RestoreStateAsync(spec, stateFile, default);
        Assert.Equal(VmRunState.Running, restored.State);
        Assert.Equal("kept-in-ram\n", await _host.ShellAsync("sleepy", "cat /tmp/marker"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
