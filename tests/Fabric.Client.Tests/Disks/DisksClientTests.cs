using Fabric.Client;
using Fabric.Contracts.Disks;
using Fabric.Contracts.Validation;
using Fabric.Testing.Orleans;

namespace Fabric.Client.Tests.Disks;

[Collection(GrainClusterCollection.Name)]
public sealed class DisksClientTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task GrowAsync_UnknownDisk_NotFound()
    {
        var client = new FabricClient(fixture.Cluster.Client);

        var ex = await Assert.ThrowsAsync<FabricException>(() => client.Disks.GrowAsync("no-such-disk", 4L << 30));

        Assert.Equal(FabricErrorKind.NotFound, ex.Kind);
    }

    [Fact]
    public async Task CreateAsync_TwoSources_InvalidBeforeCallingTheCluster()
    {
        var client = new FabricClient(fixture.Cluster.Client);

        var ex = await Assert.ThrowsAsync<FabricException>(() => client.Disks.CreateAsync(new CreateDiskRequest { Name = "d1", SizeBytes = 1 << 30, CloneOf = "d0" }));

        Assert.Contains(ex.Problems, p => p.Field == "source");
    }

    [Fact]
    public async Task GetAsync_Unknown_Null()
    {
        var client = new FabricClient(fixture.Cluster.Client);

        Assert.Null(await client.Disks.GetAsync("no-such-disk"));
    }
}
