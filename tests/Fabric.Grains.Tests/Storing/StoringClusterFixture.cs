using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Fabric.Grains.Tests.Storing;

/// <summary>
/// An in-process cluster whose storage writes state the way the silo does, so a grain deactivated
/// by a test reads back what it stored; with a fake clock, and a gate that can hold placements.
/// </summary>
public sealed class StoringClusterFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public PlacementGate Gate { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>The storage the grains write to, for a test that plays a second writer.</summary>
    public IGrainStorage Storage => Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default);

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GrainStorageNames.Default, o => o.GrainStorageSerializer = new Fabric.Grains.Storage.SystemTextJsonGrainStorageSerializer());
            silo.AddOutgoingGrainCallFilter(Gate);
            silo.Services.AddKeyedSingleton<TimeProvider>(FabricTime.Key, Time);
            silo.Services.AddFabricGrainServices();
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
