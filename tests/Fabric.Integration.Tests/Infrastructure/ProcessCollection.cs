namespace Fabric.Integration.Tests.Infrastructure;

/// <summary>
/// All process tests run one after another: each starts Redis, a silo and an agent. The VM tests
/// share one cluster whose agent drives real QEMU, started once for the collection.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection : ICollectionFixture<QemuClusterFixture>
{
    public const string Name = "real processes";
}
