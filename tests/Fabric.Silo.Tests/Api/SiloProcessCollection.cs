namespace Fabric.Silo.Tests.Api;

/// <summary>Tests sharing one silo process (it takes seconds to start).</summary>
[CollectionDefinition(Name)]
public sealed class SiloProcessCollection : ICollectionFixture<SiloProcessFixture>
{
    public const string Name = "silo process";
}
