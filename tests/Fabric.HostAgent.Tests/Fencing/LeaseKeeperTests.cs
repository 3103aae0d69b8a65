using Fabric.Contracts.Hosts.Leases;
using Fabric.Contracts.Vms;
using Fabric.HostAgent.Fencing;
using Fabric.HostAgent.Tests.Reconcile;
using Fabric.Hypervisor;
using Fabric.Testing.Waiting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Fabric.HostAgent.Tests.Fencing;

/// <summary>Lease keeping on a fake clock, over the simulated driver: when the agent may drive VMs and when it fences.</summary>
public sealed class LeaseKeeperTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(3);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
    private readonly ReconcileFixture _f;
    private readonly ScriptedLeaseWitness _witness;
    private readonly RecordingFencePet _pet = new();
    private readonly LeaseKeeper _keeper;

    public LeaseKeeperTests()
    {
        _f = new ReconcileFixture(_time);
        _witness = new ScriptedLeaseWitness(_time);
        var targets = new FenceTargets(_f.Reconciler, []);
        var fence = new HostFence(_f.Lease, targets, _f.Reconciler, _f.Hypervisor, _pet, NullLogger<HostFence>.Instance);
        _keeper = new LeaseKeeper(_f.Settings, _witness, _f.Lease, fence, targets, _pet, _f.Heartbeat, _time, NullLogger<LeaseKeeper>.Instance);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // xunit 2 disposes test classes through IAsyncLifetime, not IAsyncDisposable.
    public async Task DisposeAsync() => await _f.DisposeAsync();

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);

    /// <summary>Wins the lease and runs an HA VM and a VM that is not HA.</summary>
    private async Task RunHaAndPlainVmsAsync()
    {
        await _keeper.RenewOnceAsync(CancellationToken.None);
        await _f.Reconciler.ApplyAsync(
        [
            ReconcileFixture.Assignment("ha1", PowerState.Running, restart: RestartPolicy.OnFailure),
            ReconcileFixture.Assignment("plain1", PowerState.Running),
        ], CancellationToken.None);
        await Eventually.MatchAsync(() => Task.FromResult(_f.Reconciler.Observations()),
            obs => obs.Count(o => o.Status == VmStatus.Running) == 2, Deadline, "both VMs to run");
    }

    private Task<VmRuntimeStatus?> StatusAsync(string vm) => _f.Hypervisor.GetStatusAsync(vm, CancellationToken.None);

    [Fact]
    public async Task RenewOnce_Granted_LeaseCountsFromWhenTheRenewalWasSent()
    {
        _witness.Latency = TimeSpan.FromMilliseconds(400);
        var sentAt = _time.GetTimestamp();

        await _keeper.RenewOnceAsync(CancellationToken.None);

        Assert.Equal(sentAt + Ticks(Ttl), _f.Lease.ValidUntil);
        Assert.True(_f.Lease.IsHeld);
        var (deadlineNs, _) = Assert.Single(_pet.Pets);
        Assert.Equal(MonotonicClock.ToNs(sentAt + Ticks(Ttl), _time.TimestampFrequency), deadlineNs);

        _time.Advance(Ttl - _witness.Latency - TimeSpan.FromMilliseconds(1));
        Assert.True(_f.Lease.IsHeld);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(_f.Lease.IsHeld);
        Assert.True(_f.Lease.RanOut);
    }

    [Fact]
    public async Task CheckOnce_NoRenewalPastTheDeadline_KillsOnlyHaVmsAndBecomesANewIncarnation()
    {
        await RunHaAndPlainVmsAsync();
        var before = _f.Lease.Identity.Incarnation;
        _time.Advance(Ttl - TimeSpan.FromMilliseconds(1));
        await _keeper.CheckOnceAsync(CancellationToken.None);
        Assert.Equal(VmRunState.Running, (await StatusAsync("ha1"))?.State);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        await _keeper.CheckOnceAsync(CancellationToken.None);

        Assert.Null(await StatusAsync("ha1"));
        Assert.Equal(VmRunState.Running, (await StatusAsync("plain1"))?.State);
        Assert.NotEqual(before, _f.Lease.Identity.Incarnation);
        Assert.False(_f.Lease.IsHeld);
        Assert.Empty(_f.Reconciler.Observations());
        Assert.Equal(1, _pet.Fences);
    }

    [Fact]
    public async Task RenewOnce_HeldByAnotherMachine_NothingIsDriven()
    {
        _witness.Answer = _ => ScriptedLeaseWitness.HeldBy("someone-else");

        await _keeper.RenewOnceAsync(CancellationToken.None);
        await _f.Reconciler.ApplyAsync([ReconcileFixture.Assignment("web1", PowerState.Running)], CancellationToken.None);

        Assert.False(_f.Lease.IsHeld);
        Assert.Empty(_f.Reconciler.Observations());
        Assert.Empty(await _f.Hypervisor.ListAsync(CancellationToken.None));
        Assert.Empty(_pet.Pets);
    }

    [Fact]
    public async Task RenewOnce_HeldByAnotherMachineWhileWeHeldIt_Fences()
    {
        await RunHaAndPlainVmsAsync();
        _witness.Answer = _ => ScriptedLeaseWitness.HeldBy("someone-else");

        await _keeper.RenewOnceAsync(CancellationToken.None);

        Assert.Null(await StatusAsync("ha1"));
        Assert.Equal(VmRunState.Running, (await StatusAsync("plain1"))?.State);
    }

    [Fact]
    public async Task RenewOnce_LapsedAnswerForAnIncarnationAlreadyFenced_DoesNotFenceAgain()
    {
        // Seen in the chaos harness: a renewal in flight while the deadline check fenced came back
        // "lapsed" for the old incarnation, and the agent fenced (and changed incarnation) a second time.
        await RunHaAndPlainVmsAsync();
        var before = _f.Lease.Identity.Incarnation;
        string? afterFirstFence = null;
        _witness.Answer = incarnation =>
        {
            _time.Advance(Ttl);
            _keeper.CheckOnceAsync(CancellationToken.None).GetAwaiter().GetResult();
            afterFirstFence = _f.Lease.Identity.Incarnation;
            return new LeaseDecision(LeaseOutcome.Lapsed, null);
        };

        await _keeper.RenewOnceAsync(CancellationToken.None);

        Assert.NotEqual(before, afterFirstFence);
        Assert.Equal(afterFirstFence, _f.Lease.Identity.Incarnation);
    }

    [Fact]
    public async Task RenewOnce_Lapsed_FencesAtOnceAndTheNewIncarnationWinsAgain()
    {
        await RunHaAndPlainVmsAsync();
        var before = _f.Lease.Identity.Incarnation;
        _witness.Answer = incarnation => incarnation == before
            ? new LeaseDecision(LeaseOutcome.Lapsed, null)
            : ScriptedLeaseWitness.Grant(incarnation, LeaseOutcome.Acquired);

        await _keeper.RenewOnceAsync(CancellationToken.None);

        Assert.Null(await StatusAsync("ha1"));
        Assert.Equal(VmRunState.Running, (await StatusAsync("plain1"))?.State);
        Assert.False(_f.Lease.IsHeld);

        await _keeper.RenewOnceAsync(CancellationToken.None);

        Assert.True(_f.Lease.IsHeld);
        Assert.NotEqual(before, _witness.Renewals[^1]);
    }

    [Fact]
    public async Task RenewOnce_WitnessUnreachable_KeepsTheOldDeadline()
    {
        await _keeper.RenewOnceAsync(CancellationToken.None);
        var until = _f.Lease.ValidUntil;
        _time.Advance(TimeSpan.FromSeconds(1));
        _witness.Answer = _ => throw new TimeoutException("witness unreachable");

        await _keeper.RenewOnceAsync(CancellationToken.None);

        Assert.Equal(until, _f.Lease.ValidUntil);
        Assert.True(_f.Lease.IsHeld);
    }

    [Fact]
    public async Task Pet_ListsOnlyTheHaVms()
    {
        await RunHaAndPlainVmsAsync();

        await _keeper.RenewOnceAsync(CancellationToken.None);

        Assert.Equal(["ha1"], _pet.Pets[^1].Vms.Select(v => v.Vm));
    }
}
