using Fabric.Client;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Fabric.Testing.Orleans;

namespace Fabric.Client.Tests.Vms;

[Collection(GrainClusterCollection.Name)]
public sealed class VmsClientTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task CreateAsync_InvalidRequest_ListsEveryProblemBeforeCallingTheCluster()
    {
        var client = new FabricClient(fixture.Cluster.Client);

        var ex = await Assert.ThrowsAsync<FabricException>(() => client.Vms.CreateAsync(new CreateVmRequest { Name = "Bad Name", VCpus = 0 }));

        Assert.Equal(FabricErrorKind.Invalid, ex.Kind);
        Assert.Equal(["name", "vCpus"], ex.Problems.Select(p => p.Field));
    }

    [Theory]
    [InlineData("")]
    [InlineData("../etc")]
    [InlineData("UPPER")]
    public async Task GetAsync_BadName_Invalid(string name)
    {
        var client = new FabricClient(fixture.Cluster.Client);

        var ex = await Assert.ThrowsAsync<FabricException>(() => client.Vms.GetAsync(name));

        Assert.Equal(FabricErrorKind.Invalid, ex.Kind);
    }

    [Fact]
    public async Task GetAsync_Unknown_Null()
    {
        var client = new FabricClient(fixture.Cluster.Client);

        Assert.Null(await client.Vms.GetAsync("no-such-vm"));
    }
}
