using Fabric.Grains.Tests.Storing;

namespace Fabric.Grains.Tests;

/// <summary>Tests that deactivate grains, write their storage or hold placements, on a cluster of their own.</summary>
[CollectionDefinition(Name)]
public sealed class StoringClusterCollection : ICollectionFixture<StoringClusterFixture>
{
    public const string Name = "storing cluster";
}
