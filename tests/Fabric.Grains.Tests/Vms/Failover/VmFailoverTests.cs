using Fabric.Contracts.Hosts;
using Fabric.Contracts.Hosts.Leases;
using Fabric.Contracts.Vms;
using Fabric.Grains.Hosts;
using Fabric.Grains.Hosts.Leases;
using Fabric.Grains.Placement;
using Fabric.Testing.Orleans;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Fabric.Grains.Tests.Vms.Failover;

/// <summary>
/// A host whose lease lapsed past the margin is declared dead by the lease watch; its HA VMs move to
/// another host at a new epoch, highest priority first, and the others stay where they may still run.
/// </summary>
[Collection(VmClusterCollection.Name)]
public sealed class VmFailoverTests(GrainClusterFixture fixture)
{
    private static readonly TimeSpan PastTheMargin = HostLeases.Ttl + new HostLivenessOptions().FailoverMargin + TimeSpan.FromMilliseconds(1);

    private readonly VmTestContext _ctx = new(fixture);
    private LeaseWatch? _watch;

    /// <summary>The lease watch of a silo that has been watching since before the host died.</summary>
    private LeaseWatch Watch => _watch ??= NewWatch();

    private LeaseWatch NewWatch() => new(_ctx.Grains, new GrainLeaseWitness(_ctx.Grains), Options.Create(new HostLivenessOptions()), fixture.Time, NullLogger<LeaseWatch>.Instance);

    private string DeadHost => _ctx.Agent.HostName;

    private async Task<VmInfo> RunningAsync(CreateVmRequest request)
    {
        await _ctx.CreateAsync(request);
        await _ctx.FinishAsync(await _ctx.Vm(request.Name).Power(PowerAction.Start, null));
        return (await _ctx.Vm(request.Name).Get())!;
    }

    /// <summary>The first host stops heartbeating; a second one lives on.</summary>
    private async Task<FakeAgent> KillFirstHostAsync(long survivorMemoryBytes = 8L << 30, bool watched = true)
    {
        if (watched)
        {
            await Watch.CheckOnceAsync(); // its first look, while the host still lives
        }

        fixture.Time.Advance(PastTheMargin);
        var survivor = new FakeAgent(_ctx.Grains, $"{DeadHost}-b", survivorMemoryBytes);
        await survivor.BeatAsync();
        return survivor;
    }

    private async Task<HostInfo> HostAsync(string name) => (await _ctx.Grains.GetGrain<IHostGrain>(name).GetInfo())!;

    [Fact]
    public async Task HostDeclaredDead_HaVmRestartsOnTheSurvivorAtANewEpoch()
    {
        await RunningAsync(new CreateVmRequest { Name = "fo-ha1", Restart = RestartPolicy.OnFailure });
        var survivor = await KillFirstHostAsync();

        var asked = await Watch.CheckOnceAsync();

        Assert.Contains(DeadHost, asked);
        var vm = (await _ctx.Vm("fo-ha1").Get())!;
        Assert.Equal((survivor.HostName, 2L), (vm.Host, vm.Epoch));
        var dead = await HostAsync(DeadHost);
        Assert.Equal(HostState.Fenced, dead.State);
        Assert.NotNull(dead.FencedAt);
        Assert.DoesNotContain("fo-ha1", dead.AssignedVms);
        Assert.Contains(vm.Events, e => e.Message.Contains($"host {DeadHost} was declared dead", StringComparison.Ordinal));

        // The survivor starts it and reports it running: the trail says where and how long it was down.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!(await _ctx.Vm("fo-ha1").Get())!.Events.Any(e => e.Message.StartsWith($"running again on {survivor.HostName}", StringComparison.Ordinal)) && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await survivor.BeatAsync();
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        var after = (await _ctx.Vm("fo-ha1").Get())!;
        Assert.Equal(VmStatus.Running, after.Observed);
        Assert.Contains(after.Events, e => e.Message.Contains($"s down (host {DeadHost} failed)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HostDeclaredDead_VmWithPolicyNever_StaysAndSaysItMayStillRunThere()
    {
        await RunningAsync(new CreateVmRequest { Name = "fo-never1" });
        await KillFirstHostAsync();

        await Watch.CheckOnceAsync();

        var vm = (await _ctx.Vm("fo-never1").Get())!;
        Assert.Equal((DeadHost, 1L), (vm.Host, vm.Epoch));
        Assert.Equal(VmStatus.Unknown, vm.Observed);
        Assert.Contains("restart policy never", vm.ObservedDetail, StringComparison.Ordinal);
        Assert.Contains("fo-never1", (await HostAsync(DeadHost)).AssignedVms);
    }

    [Fact]
    public async Task HostDeclaredDead_TooLittleRoom_HighestPriorityFirst_TheOtherWaitsWithTheReason()
    {
        await RunningAsync(new CreateVmRequest { Name = "fo-low", MemoryMiB = 3072, Restart = RestartPolicy.Always, RestartPriority = 1 });
        await RunningAsync(new CreateVmRequest { Name = "fo-high", MemoryMiB = 3072, Restart = RestartPolicy.OnFailure, RestartPriority = 900 });
        var survivor = await KillFirstHostAsync(survivorMemoryBytes: (PlacementOptions.DefaultHostReserveMiB + 4096L) << 20);

        await Watch.CheckOnceAsync();

        Assert.Equal(survivor.HostName, (await _ctx.Vm("fo-high").Get())!.Host);
        var low = (await _ctx.Vm("fo-low").Get())!;
        Assert.Equal(DeadHost, low.Host);
        Assert.Contains(low.Events, e => e.Message.Contains("cannot restart after host", StringComparison.Ordinal) && e.Message.Contains("trying again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LeaseLapsedButWithinTheMargin_NothingMoves()
    {
        await RunningAsync(new CreateVmRequest { Name = "fo-margin", Restart = RestartPolicy.OnFailure });
        await Watch.CheckOnceAsync();
        fixture.Time.Advance(HostLeases.Ttl + TimeSpan.FromMilliseconds(500));
        await new FakeAgent(_ctx.Grains, $"{DeadHost}-b").BeatAsync();

        var asked = await Watch.CheckOnceAsync();

        Assert.DoesNotContain(DeadHost, asked);
        Assert.Equal((DeadHost, 1L), ((await _ctx.Vm("fo-margin").Get())!.Host, (await _ctx.Vm("fo-margin").Get())!.Epoch));
        Assert.NotEqual(HostState.Fenced, (await HostAsync(DeadHost)).State);
    }

    [Fact]
    public async Task FencedHost_ComesBackAsANewIncarnation_AndKeepsItsPolicyNeverVms()
    {
        await RunningAsync(new CreateVmRequest { Name = "fo-back", Restart = RestartPolicy.Never });
        var before = HostLeases.IncarnationOf(DeadHost);
        await KillFirstHostAsync();
        await Watch.CheckOnceAsync();

        var reply = await _ctx.Agent.BeatAsync();

        Assert.Null(reply.StandDown);
        Assert.NotEqual(before, HostLeases.IncarnationOf(DeadHost));
        Assert.Equal(HostState.Ready, (await HostAsync(DeadHost)).State);
        Assert.Contains(reply.Assignments, a => a.Vm == "fo-back");
    }

    [Fact]
    public async Task ALeaseAlreadyLapsedAtTheWatchsFirstLook_WaitsOutTheColdStartGrace()
    {
        await RunningAsync(new CreateVmRequest { Name = "fo-cold", Restart = RestartPolicy.OnFailure });
        await KillFirstHostAsync(watched: false);
        var watch = NewWatch(); // a silo starting now: the lease lapsed before it ever looked

        await watch.CheckOnceAsync();
        Assert.Equal(DeadHost, (await _ctx.Vm("fo-cold").Get())!.Host);

        fixture.Time.Advance(new HostLivenessOptions().ColdStartGrace);
        await new FakeAgent(_ctx.Grains, $"{DeadHost}-b").BeatAsync();
        var asked = await watch.CheckOnceAsync();

        Assert.Contains(DeadHost, asked);
        Assert.Equal($"{DeadHost}-b", (await _ctx.Vm("fo-cold").Get())!.Host);
    }
}
