using Fabric.Contracts.Hosts.Leases;
using Fabric.Testing.Waiting;
using Xunit;

namespace Fabric.Testing.Leases;

/// <summary>
/// The behaviour every lease witness must have (Redis' Lua scripts and the memory grain alike): the
/// same cases run against each, so the two stay one logic.
/// </summary>
public abstract class LeaseWitnessContract
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(200);

    protected abstract ILeaseWitness Witness { get; }

    /// <summary>Returns once at least <paramref name="span"/> of the witness's clock has passed.</summary>
    protected virtual async Task PassAsync(TimeSpan span)
    {
        var target = (await Witness.ReadAllAsync()).NowMs + (long)span.TotalMilliseconds;
        await Eventually.MatchAsync(() => Witness.ReadAllAsync(), s => s.NowMs >= target, TimeSpan.FromSeconds(30), $"the witness's clock to pass {span}");
    }

    private static string NewHost() => "h" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task FirstRenewal_AcquiresGenerationOne()
    {
        var host = NewHost();
        var decision = await Witness.RenewAsync(host, "inc-a", "token-a", Long);
        Assert.Equal(LeaseOutcome.Acquired, decision.Outcome);
        Assert.Equal(("inc-a", "token-a", 1L, 0L), (decision.Lease!.Holder, decision.Lease.Token, decision.Lease.Generation, decision.Lease.FencedGeneration));
        Assert.Equal(decision.Lease, await Witness.ReadAsync(host));
    }

    [Fact]
    public async Task Holder_RenewsAndMovesTheExpiry()
    {
        var host = NewHost();
        var first = await Witness.RenewAsync(host, "inc-a", "token-a", Long);
        await PassAsync(TimeSpan.FromMilliseconds(5));
        var second = await Witness.RenewAsync(host, "inc-a", "token-a", Long);
        Assert.Equal(LeaseOutcome.Renewed, second.Outcome);
        Assert.True(second.Lease!.ExpiresAtMs > first.Lease!.ExpiresAtMs);
        Assert.Equal(1, second.Lease.Generation);
    }

    [Fact]
    public async Task AnotherMachine_IsHeldOffWhileTheLeaseLives()
    {
        var host = NewHost();
        var first = await Witness.RenewAsync(host, "inc-a", "token-a", Long);
        var other = await Witness.RenewAsync(host, "inc-b", "token-b", Long);
        Assert.Equal(LeaseOutcome.Held, other.Outcome);
        Assert.False(other.Granted);
        Assert.Equal(first.Lease, await Witness.ReadAsync(host));
    }

    [Fact]
    public async Task SameMachine_RestartedAgentTakesOverAtOnce()
    {
        var host = NewHost();
        await Witness.RenewAsync(host, "inc-a", "token-a", Long);
        var restarted = await Witness.RenewAsync(host, "inc-a2", "token-a", Long);
        Assert.Equal(LeaseOutcome.TookOver, restarted.Outcome);
        Assert.Equal(("inc-a2", 2L), (restarted.Lease!.Holder, restarted.Lease.Generation));
        Assert.Equal(LeaseOutcome.Held, (await Witness.RenewAsync(host, "inc-b", "token-b", Long)).Outcome);
        Assert.Equal("inc-a2", (await Witness.ReadAsync(host))!.Holder);
    }

    [Fact]
    public async Task EmptyToken_NeverTakesOver()
    {
        var host = NewHost();
        await Witness.RenewAsync(host, "inc-a", "", Long);
        Assert.Equal(LeaseOutcome.Held, (await Witness.RenewAsync(host, "inc-b", "", Long)).Outcome);
    }

    [Fact]
    public async Task LapsedHolder_CannotRenew_AndAnotherAcquires()
    {
        var host = NewHost();
        var first = await Witness.RenewAsync(host, "inc-a", "token-a", Short);
        await PassAsync(Short + TimeSpan.FromMilliseconds(10));
        var late = await Witness.RenewAsync(host, "inc-a", "token-a", Long);
        Assert.Equal(LeaseOutcome.Lapsed, late.Outcome);
        Assert.Equal(first.Lease, await Witness.ReadAsync(host));
        var next = await Witness.RenewAsync(host, "inc-b", "token-b", Long);
        Assert.Equal(LeaseOutcome.Acquired, next.Outcome);
        Assert.Equal(2, next.Lease!.Generation);
    }

    [Fact]
    public async Task Fence_OnlyAfterTheMargin_OnlyOnce_OnlyThatGeneration()
    {
        var host = NewHost();
        await Witness.RenewAsync(host, "inc-a", "token-a", Short);
        Assert.False(await Witness.FenceAsync(host, 1, Long)); // lapsing, but the margin has not passed
        await PassAsync(Short + TimeSpan.FromMilliseconds(10));
        Assert.False(await Witness.FenceAsync(host, 2, TimeSpan.Zero)); // not the current generation
        Assert.True(await Witness.FenceAsync(host, 1, TimeSpan.Zero));
        Assert.False(await Witness.FenceAsync(host, 1, TimeSpan.Zero)); // declared once
        var fenced = await Witness.ReadAsync(host);
        Assert.True(fenced!.IsFenced);

        // The fenced holder stays out; a new incarnation takes a new generation, and the record keeps what was fenced.
        Assert.Equal(LeaseOutcome.Lapsed, (await Witness.RenewAsync(host, "inc-a", "token-a", Long)).Outcome);
        var back = await Witness.RenewAsync(host, "inc-a2", "token-a", Long);
        Assert.Equal(LeaseOutcome.Acquired, back.Outcome);
        Assert.Equal((2L, 1L, false), (back.Lease!.Generation, back.Lease.FencedGeneration, back.Lease.IsFenced));
    }

    [Fact]
    public async Task Fence_NotWhenTheLeaseLives()
    {
        var host = NewHost();
        await Witness.RenewAsync(host, "inc-a", "token-a", Long);
        Assert.False(await Witness.FenceAsync(host, 1, TimeSpan.Zero));
        Assert.False(await Witness.FenceAsync(NewHost(), 1, TimeSpan.Zero));
    }

    [Fact]
    public async Task ReadAll_HasEveryLeaseAndTheWitnessClock()
    {
        var (a, b) = (NewHost(), NewHost());
        var before = (await Witness.ReadAllAsync()).NowMs;
        await Witness.RenewAsync(a, "inc-a", "token-a", Long);
        await Witness.RenewAsync(b, "inc-b", "token-b", Long);
        var snapshot = await Witness.ReadAllAsync();
        Assert.Equal("inc-a", snapshot.Leases[a].Holder);
        Assert.Equal("inc-b", snapshot.Leases[b].Holder);
        Assert.True(snapshot.NowMs >= before);
        Assert.True(snapshot.Leases[a].RenewedAtMs <= snapshot.NowMs);
    }
}
