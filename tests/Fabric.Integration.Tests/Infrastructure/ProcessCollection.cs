namespace Fabric.Integration.Tests.Infrastructure;

/// <summary>All process tests run one after another: each starts Redis, a silo and an agent.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection
{
    public const string Name = "real processes";
}
