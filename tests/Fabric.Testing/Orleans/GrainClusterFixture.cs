using Fabric.Grains;
using Fabric.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Fabric.Testing.Orleans;

/// <summary>An in-process Orleans cluster with memory storage and a fake clock the tests move.</summary>
public sealed class GrainClusterFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GrainStorageNames.Default, o => o.GrainStorageSerializer = new SystemTextJsonGrainStorageSerializer());
            silo.Services.AddKeyedSingleton<TimeProvider>(FabricTime.Key, Time);
            silo.Services.AddFabricGrainServices();
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
