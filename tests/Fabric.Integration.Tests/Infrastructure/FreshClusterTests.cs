namespace Fabric.Integration.Tests.Infrastructure;

/// <summary>Base of test classes that get a fresh Redis and silo per test (agents are started by each test).</summary>
public abstract class FreshClusterTests : IAsyncLifetime
{
    protected ClusterUnderTest Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = await ClusterUnderTest.StartRedisAsync();
        await Cluster.StartSiloAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
