namespace Fabric.Grains;

/// <summary>
/// The clock grains judge liveness by, registered as a keyed <see cref="TimeProvider"/> so tests
/// can move it without also moving Orleans' own timers and membership probes.
/// </summary>
public static class FabricTime
{
    public const string Key = "fabric";
}
