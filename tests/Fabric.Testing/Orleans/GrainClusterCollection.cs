namespace Fabric.Testing.Orleans;

/// <summary>
/// Name of the xunit collection sharing one <see cref="GrainClusterFixture"/>. xunit finds collection
/// definitions only in the test assembly itself, so each test project declares a one-line
/// definition class with this name.
/// </summary>
public static class GrainClusterCollection
{
    public const string Name = "grain cluster";
}
