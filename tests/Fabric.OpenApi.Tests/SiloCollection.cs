namespace Fabric.OpenApi.Tests;

/// <summary>Tests sharing one silo process (it takes seconds to start).</summary>
[CollectionDefinition(Name)]
public sealed class SiloCollection : ICollectionFixture<SiloFixture>
{
    public const string Name = "silo process";
}
