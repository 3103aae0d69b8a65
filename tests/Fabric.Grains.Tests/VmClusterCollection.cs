using Fabric.Testing.Orleans;

namespace Fabric.Grains.Tests;

/// <summary>VM tests get a cluster of their own, so hosts left by host tests never become placement candidates.</summary>
[CollectionDefinition(Name)]
public sealed class VmClusterCollection : ICollectionFixture<GrainClusterFixture>
{
    public const string Name = "vm cluster";
}
