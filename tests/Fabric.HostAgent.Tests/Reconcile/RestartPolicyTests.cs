using Fabric.Contracts.Vms;
using Fabric.Hypervisor;
using Fabric.Testing.Waiting;

namespace Fabric.HostAgent.Tests.Reconcile;

/// <summary>What a worker does when the VM it started at this epoch stops on its own, by restart policy.</summary>
public sealed class RestartPolicyTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly ReconcileFixture _f = new();

    public Task InitializeAsync() => Task.CompletedTask;

    // xunit 2 disposes test classes through IAsyncLifetime, not IAsyncDisposable.
    public async Task DisposeAsync() => await _f.DisposeAsync();

    private Task<VmObservation> ObservedAsync(string vm, Func<VmObservation, bool> condition, string what) =>
        Eventually.MatchAsync(() => Task.FromResult(_f.Reconciler.Observations().SingleOrDefault(o => o.Vm == vm)!),
            o => o is not null && condition(o), Deadline, what);

    private async Task StartAsync(string vm, RestartPolicy restart)
    {
        await _f.Reconciler.ApplyAsync([ReconcileFixture.Assignment(vm, PowerState.Running, restart: restart)], CancellationToken.None);
        await ObservedAsync(vm, o => o.Status == VmStatus.Running, $"{vm} to run");
    }

    [Theory]
    [InlineData(RestartPolicy.Always)]
    [InlineData(RestartPolicy.OnFailure)]
    public async Task ProcessKilled_AlwaysOrOnFailure_IsStartedAgain(RestartPolicy restart)
    {
        await StartAsync("crash1", restart);

        _f.Hypervisor.SimulateProcessLost("crash1");

        await Eventually.MatchAsync(() => _f.Hypervisor.GetStatusAsync("crash1", CancellationToken.None),
            s => s is { State: VmRunState.Running, ExitReason: null }, Deadline, "the killed VM to be started again");
    }

    [Fact]
    public async Task GuestPoweredOff_Always_IsStartedAgain()
    {
        await StartAsync("off1", RestartPolicy.Always);

        _f.Hypervisor.SimulateGuestShutdown("off1");

        await Eventually.MatchAsync(() => _f.Hypervisor.GetStatusAsync("off1", CancellationToken.None),
            s => s is { State: VmRunState.Running, ExitReason: null }, Deadline, "the powered-off VM to be started again");
    }

    [Theory]
    [InlineData(RestartPolicy.OnFailure, "the guest powered off; restart policy on-failure leaves it off")]
    [InlineData(RestartPolicy.Never, "the guest powered off; restart policy never leaves it off")]
    public async Task GuestPoweredOff_OnFailureOrNever_StaysOffAndSaysWhy(RestartPolicy restart, string detail)
    {
        await StartAsync("off2", restart);

        _f.Hypervisor.SimulateGuestShutdown("off2");

        var seen = await ObservedAsync("off2", o => o.Status == VmStatus.Stopped, "the powered-off VM to be reported Stopped");
        Assert.Equal(detail, seen.Detail);
        Assert.Equal(VmExitReason.GuestShutdown, (await _f.Hypervisor.GetStatusAsync("off2", CancellationToken.None))?.ExitReason);
    }

    [Fact]
    public async Task ProcessKilled_Never_StaysOffAndSaysWhy()
    {
        await StartAsync("crash2", RestartPolicy.Never);

        _f.Hypervisor.SimulateProcessLost("crash2");

        var seen = await ObservedAsync("crash2", o => o.Status == VmStatus.Stopped, "the killed VM to be reported Stopped");
        Assert.Equal("its QEMU process was killed or crashed; restart policy never leaves it off", seen.Detail);
        Assert.Equal(VmExitReason.ProcessLost, (await _f.Hypervisor.GetStatusAsync("crash2", CancellationToken.None))?.ExitReason);
    }

    [Fact]
    public async Task GuestPoweredOff_Never_RestartAsked_IsStarted()
    {
        await StartAsync("off3", RestartPolicy.Never);
        _f.Hypervisor.SimulateGuestShutdown("off3");
        await ObservedAsync("off3", o => o.Status == VmStatus.Stopped, "the powered-off VM to be reported Stopped");

        await _f.Reconciler.ApplyAsync([ReconcileFixture.Assignment("off3", PowerState.Running) with { RestartCount = 1, Revision = 2 }], CancellationToken.None);

        await Eventually.MatchAsync(() => _f.Hypervisor.GetStatusAsync("off3", CancellationToken.None),
            s => s is { State: VmRunState.Running, ExitReason: null }, Deadline, "the VM to start on the restart asked");
    }
}
