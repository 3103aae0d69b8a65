using System.Text.Json.Nodes;
using Fabric.Contracts.Hosts;
using Fabric.Contracts.Vms;
using Fabric.Grains.Tests.Storing;
using Orleans.Storage;

namespace Fabric.Grains.Tests.Vms;

/// <summary>
/// Storage refuses a write made with a stale ETag. With one activation per grain that happens only
/// when a second activation of the same VM wrote first (a duplicate activation while a silo fails),
/// which a one-silo test cluster cannot produce; the test plays that second writer through the
/// same storage provider, which is what the losing activation meets.
/// </summary>
[Collection(StoringClusterCollection.Name)]
public sealed class VmStorageConflictTests(StoringClusterFixture fixture)
{
    private readonly VmTestContext _ctx = new(fixture.Time, fixture.Cluster.Client);

    [Fact]
    public async Task Change_WhenAnotherWriterStoredTheVmFirst_IsRefusedAsAConflictAndTheStoredVmIsTheOthers()
    {
        await _ctx.CreateAsync(new CreateVmRequest { Name = "etag1" });
        var vm = _ctx.Vm("etag1");
        await WriteElsewhereAsync("etag1", vCpus: 3);

        await Assert.ThrowsAsync<InconsistentStateException>(() => vm.ChangeHardware(new HardwareChange { VCpus = 2 }));

        Assert.Equal(3, (int)(await ReadStoredAsync("etag1"))["hardware"]!["vCpus"]!);
        Assert.Equal(3, (await vm.Get())!.Hardware.VCpus);
        Assert.Equal(2, (await vm.ChangeHardware(new HardwareChange { VCpus = 2 })).Hardware.VCpus);
        Assert.Equal(2, (int)(await ReadStoredAsync("etag1"))["hardware"]!["vCpus"]!);
    }

    [Fact]
    public async Task Start_WhenAnotherWriterStoredTheVmFirst_IsRefusedAndLeavesTheHostNothingToRun()
    {
        await _ctx.CreateAsync(new CreateVmRequest { Name = "etag2" });
        var vm = _ctx.Vm("etag2");
        await WriteElsewhereAsync("etag2", vCpus: 3);

        await Assert.ThrowsAsync<InconsistentStateException>(() => vm.Power(PowerAction.Start, null));

        var reply = await _ctx.Agent.BeatAsync();
        var host = (await _ctx.Grains.GetGrain<IHostGrain>(_ctx.Agent.HostName).GetInfo())!;
        Assert.DoesNotContain(reply.Assignments, a => a.Vm == "etag2");
        Assert.Equal(0, host.CommittedMemoryMiB);
        var seen = (await vm.Get())!;
        Assert.Equal((PowerState.Stopped, null, 3), (seen.Desired, seen.Host, seen.Hardware.VCpus));
    }

    private static GrainId Id(string vm) => GrainId.Create("vm", vm);

    private async Task<JsonObject> ReadStoredAsync(string vm)
    {
        var stored = new GrainState<JsonObject>();
        await fixture.Storage.ReadStateAsync("vm", Id(vm), stored);
        return stored.State ?? throw new InvalidOperationException($"no VM '{vm}' is stored");
    }

    /// <summary>Stores the VM with other vCPUs, as a second activation of it would: read, change, write with the ETag it read.</summary>
    private async Task WriteElsewhereAsync(string vm, int vCpus)
    {
        var stored = new GrainState<JsonObject>();
        await fixture.Storage.ReadStateAsync("vm", Id(vm), stored);
        stored.State!["hardware"]!["vCpus"] = vCpus;
        await fixture.Storage.WriteStateAsync("vm", Id(vm), stored);
    }
}
