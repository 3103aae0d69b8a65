using Fabric.Contracts.Hosts;
using Fabric.Testing.Orleans;

namespace Fabric.Grains.Tests.Inventory;

[Collection(GrainClusterCollection.Name)]
public sealed class HostInventoryGrainTests(GrainClusterFixture fixture)
{
    private IHostInventoryGrain Inventory => fixture.Cluster.Client.GetGrain<IHostInventoryGrain>(IHostInventoryGrain.Key);

    [Fact]
    public async Task List_EnrolledButNeverHeartbeated_IsLeftOut()
    {
        // An index entry without a host record (e.g. state lost) must not show as a phantom host.
        await Inventory.Enroll("phantom-1");

        Assert.DoesNotContain(await Inventory.List(), h => h.Name == "phantom-1");
    }

    [Fact]
    public async Task Enroll_Twice_ListsOnce()
    {
        await fixture.Cluster.Client.HeartbeatAsync("twice-1", SampleHosts.Heartbeat(SampleHosts.Capabilities()));
        await Inventory.Enroll("twice-1");

        Assert.Single(await Inventory.List(), h => h.Name == "twice-1");
    }
}
