using Fabric.Client;
using Fabric.Contracts.Operations;
using Fabric.Contracts.Validation;
using Fabric.Testing.Orleans;

namespace Fabric.Client.Tests.Operations;

[Collection(GrainClusterCollection.Name)]
public sealed class OperationsClientTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task WaitAsync_OperationFinishesLater_ReturnsItFinished()
    {
        var client = new FabricClient(fixture.Cluster.Client);
        var operation = fixture.Cluster.Client.GetGrain<IOperationGrain>("op-wait-later");
        await operation.Begin("vm.start", "vm/web1", "starting");

        var waiting = client.Operations.WaitAsync("op-wait-later", TimeSpan.FromMinutes(1));
        Assert.False(waiting.IsCompleted);
        await operation.Succeed("running");
        var finished = await waiting;

        Assert.Equal(OperationState.Succeeded, finished.State);
        Assert.Equal("running", finished.Message);
    }

    [Fact]
    public async Task WaitAsync_Failed_ReturnsTheFailureRatherThanThrowing()
    {
        var client = new FabricClient(fixture.Cluster.Client);
        var operation = fixture.Cluster.Client.GetGrain<IOperationGrain>("op-wait-failed");
        await operation.Begin("disk.grow", "disk/d1", "growing");
        await operation.Fail("no space");

        var finished = await client.Operations.WaitAsync("op-wait-failed", TimeSpan.FromMinutes(1));

        Assert.Equal((OperationState.Failed, "no space"), (finished.State, finished.Message));
    }

    [Fact]
    public async Task WaitAsync_StillRunningAtTheDeadline_TimesOutNamingIt()
    {
        var client = new FabricClient(fixture.Cluster.Client);
        await fixture.Cluster.Client.GetGrain<IOperationGrain>("op-wait-stuck").Begin("vm.shutdown", "vm/web2", "waiting for the guest");

        var ex = await Assert.ThrowsAsync<TimeoutException>(() => client.Operations.WaitAsync("op-wait-stuck", TimeSpan.Zero));

        Assert.Contains("vm.shutdown vm/web2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitAsync_UnknownOperation_NotFound()
    {
        var client = new FabricClient(fixture.Cluster.Client);

        var ex = await Assert.ThrowsAsync<FabricException>(() => client.Operations.WaitAsync("op-never-begun", TimeSpan.FromSeconds(5)));

        Assert.Equal(FabricErrorKind.NotFound, ex.Kind);
    }
}
