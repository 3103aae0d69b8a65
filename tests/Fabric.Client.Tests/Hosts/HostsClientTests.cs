using Fabric.Client;
using Fabric.Contracts.Hosts;
using Fabric.Testing.Orleans;

namespace Fabric.Client.Tests.Hosts;

[Collection(GrainClusterCollection.Name)]
public sealed class HostsClientTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task ListAsync_AfterHeartbeats_ListsEachHostOnceInNameOrder()
    {
        var client = new FabricClient(fixture.Cluster.Client);
        foreach (var name in new[] { "inv-b", "inv-a", "inv-b" })
        {
            await fixture.Cluster.Client.HeartbeatAsync(name, SampleHosts.Heartbeat(SampleHosts.Capabilities()));
        }

        var names = (await client.Hosts.ListAsync()).Select(h => h.Name).Where(n => n.StartsWith("inv-", StringComparison.Ordinal)).ToList();

        Assert.Equal(["inv-a", "inv-b"], names);
    }

    [Fact]
    public async Task GetAsync_InvalidName_ThrowsBeforeCallingTheCluster()
    {
        var client = new FabricClient(fixture.Cluster.Client);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Hosts.GetAsync("Bad_Name"));

        Assert.Contains("not a DNS name", ex.Message, StringComparison.Ordinal);
    }
}
