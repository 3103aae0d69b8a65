using Fabric.Testing.Orleans;

namespace Fabric.Grains.Tests;

[CollectionDefinition(GrainClusterCollection.Name)]
public sealed class GrainsClusterCollection : ICollectionFixture<GrainClusterFixture>;
