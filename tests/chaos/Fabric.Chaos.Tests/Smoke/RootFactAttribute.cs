namespace Fabric.Chaos.Tests.Smoke;

/// <summary>
/// A test that needs root: <c>fabric up --hosts N</c> gives each host its own network namespace only as
/// root, and a network cut needs one. Skipped, saying why, for anyone else; CI runs as root.
/// </summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (Environment.UserName != "root")
        {
            Skip = $"needs root (runs as {Environment.UserName}): each host needs its own network namespace for the network-cut fault; run as root, as CI does";
        }
    }
}
