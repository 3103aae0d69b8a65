using Fabric.Testing.Orleans;

namespace Fabric.Client.Tests;

[CollectionDefinition(GrainClusterCollection.Name)]
public sealed class ClientClusterCollection : ICollectionFixture<GrainClusterFixture>;
