using Fabric.Contracts.Vms;
using Fabric.Hypervisor;
using Fabric.Testing.Waiting;

namespace Fabric.HostAgent.Tests.Reconcile;

public sealed class VmReconcilerTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly ReconcileFixture _f = new();

    public Task InitializeAsync() => Task.CompletedTask;

    // xunit 2 disposes test classes through IAsyncLifetime, not IAsyncDisposable.
    public async Task DisposeAsync() => await _f.DisposeAsync();

    private Task<VmObservation> ObservedAsync(string vm, Func<VmObservation, bool> condition, string what) =>
        Eventually.MatchAsync(() => Task.FromResult(_f.Reconciler.Observations().SingleOrDefault(o => o.Vm == vm)!),
            o => o is not null && condition(o), Deadline, what);

    [Fact]
    public async Task Apply_AssignedRunning_StartsTheVmAndReportsIt()
    {
        await _f.Reconciler.ApplyAsync([ReconcileFixture.Assignment("web1", PowerState.Running)], CancellationToken.None);

        var seen = await ObservedAsync("web1", o => o.Status == VmStatus.Running, "web1 to run");

        Assert.Equal(1, seen.Epoch);
        Assert.Equal(VmRunState.Running, (await _f.Hypervisor.GetStatusAsync("web1", CancellationToken.None))!.State);
        Assert.NotNull(_f.Store.Load("web1"));
    }

    [Fact]
    public async Task Apply_VmRunningHereButNotAssigned_IsStoppedSoItCanNeverRunTwice()
    {
        await _f.Hypervisor.StartAsync(new VmRuntimeSpec("stray1", "stray1", 3, 1, 256), CancellationToken.None);

        await _f.Reconciler.ApplyAsync([], CancellationToken.None);

        await Eventually.MatchAsync(() => _f.Hypervisor.GetStatusAsync("stray1", CancellationToken.None),
            s => s is null || s.State is VmRunState.Stopped or VmRunState.Crashed, Deadline, "the stray VM to be stopped");
    }

    [Fact]
    public async Task Apply_Unassigned_StopsTheVmAndForgetsIt()
    {
        await _f.Reconciler.ApplyAsync([ReconcileFixture.Assignment("web2", PowerState.Running)], CancellationToken.None);
        await ObservedAsync("web2", o => o.Status == VmStatus.Running, "web2 to run");

        await Eventually.MatchAsync(async () =>
        {
            await _f.Reconciler.ApplyAsync([], CancellationToken.None);
            return _f.Reconciler.Observations();
        }, obs => obs.All(o => o.Vm != "web2"), Deadline, "web2's worker to finish");

        var status = await _f.Hypervisor.GetStatusAsync("web2", CancellationToken.None);
        Assert.True(status is null || status.State is VmRunState.Stopped, $"web2 is {status?.State}");
        Assert.Null(_f.Store.Load("web2"));
    }

    [Fact]
    public async Task Apply_OlderEpochThanApplied_IsIgnored()
    {
        await _f.Reconciler.ApplyAsync([ReconcileFixture.Assignment("web3", PowerState.Running, epoch: 5)], CancellationToken.None);
        await ObservedAsync("web3", o => o.Status == VmStatus.Running, "web3 to run");

        await _f.Reconciler.ApplyAsync([ReconcileFixture.Assignment("web3", PowerState.Stopped, epoch: 4)], CancellationToken.None);

        // The worker has looked at the stale assignment once it reports its epoch; the VM still runs.
        await ObservedAsync("web3", o => o.Epoch == 4, "a pass over the stale assignment");
        Assert.Equal(VmRunState.Running, (await _f.Hypervisor.GetStatusAsync("web3", CancellationToken.None))!.State);
        await _f.Reconciler.ApplyAsync([ReconcileFixture.Assignment("web3", PowerState.Paused, epoch: 5)], CancellationToken.None);
        await ObservedAsync("web3", o => o.Status == VmStatus.Paused, "web3 to be paused");
        Assert.Equal(5, _f.Store.Load("web3")!.Epoch);
    }

    [Fact]
    public async Task Apply_StartFails_ReportsTheErrorWithTheVm()
    {
        _f.Hypervisor.Faults.FailNext("Start", new HypervisorException(HypervisorErrorCode.InvalidSpec, "disk image is missing"));

        await _f.Reconciler.ApplyAsync([ReconcileFixture.Assignment("web4", PowerState.Running)], CancellationToken.None);

        var seen = await ObservedAsync("web4", o => o.Error is not null, "the start failure to be reported");
        Assert.Contains("disk image is missing", seen.Error, StringComparison.Ordinal);
    }
}
