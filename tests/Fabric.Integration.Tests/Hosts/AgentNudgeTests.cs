using System.Diagnostics;
using Fabric.Contracts.Hosts;
using Fabric.Contracts.Vms;
using Fabric.Integration.Tests.Infrastructure;
using Fabric.Integration.Tests.Vms;

namespace Fabric.Integration.Tests.Hosts;

/// <summary>
/// The agent hears of a change at once. Its heartbeat interval here is 30 s, so anything that ends
/// within a few seconds was carried by nudges: the host grain's to the agent (a task queued, a VM
/// assigned) and the agent's own (a task done, a VM's state changed) — not by the periodic heartbeat.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class AgentNudgeTests : IAsyncLifetime
{
    private static readonly TimeSpan LongInterval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(8);
    private ClusterUnderTest _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await ClusterUnderTest.StartRedisAsync();

        // A host is Unreachable after a few silent seconds by default; this agent is silent for 30 s at a time.
        await _cluster.StartSiloAsync(unreachableAfter: 4 * LongInterval);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Agent_HeartbeatingEvery30Seconds_CreatesAndStartsAVmWithinSeconds()
    {
        _cluster.StartAgent("it-nudge", TestDrivers.Default, $"--Fabric:HeartbeatInterval={LongInterval}");
        await _cluster.WaitForHostAsync("it-nudge", HostState.Ready, TestDrivers.RegistrationDeadline);
        await using var client = await _cluster.ConnectAsync();
        var fabric = client.Fabric;

        // Creating the disk is a task on the host: queued, run and reported without waiting for a heartbeat.
        var clock = Stopwatch.StartNew();
        await fabric.Vms.CreateAsync(new CreateVmRequest { Name = "nudged1", MemoryMiB = 128, Disks = [new CreateVmDisk { SizeBytes = 16L << 20 }] });
        var created = clock.Elapsed;
        Assert.True(created < Quick, $"creating the VM's disk took {created.TotalSeconds:0.0} s with a heartbeat every {LongInterval.TotalSeconds:0} s");

        // Starting it assigns it to the host; the agent starts it and reports it Running, each at once.
        clock.Restart();
        await VmOperations.SucceedsAsync(fabric, await fabric.Vms.PowerAsync("nudged1", PowerAction.Start), Quick);
        var started = clock.Elapsed;

        var vm = await fabric.Vms.GetAsync("nudged1");
        Assert.Equal(VmStatus.Running, vm!.Observed);
        Assert.Equal("it-nudge", vm.Host);
        Assert.True(started < Quick, $"starting the VM took {started.TotalSeconds:0.0} s");
    }
}
