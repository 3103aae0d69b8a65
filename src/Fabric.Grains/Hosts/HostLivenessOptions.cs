namespace Fabric.Grains.Hosts;

/// <summary>How the cluster judges host liveness. Bound from <c>Fabric:Hosts</c>.</summary>
public sealed class HostLivenessOptions
{
    public const string Section = "Fabric:Hosts";

    /// <summary>
    /// A host with no heartbeat for this long is Unreachable. Agents heartbeat every second, so
    /// the default tolerates several lost heartbeats and a silo failover (vSphere HA uses 15 s).
    /// </summary>
    public TimeSpan UnreachableAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How stale the stored last-heartbeat may get before a heartbeat writes it again. Keeps
    /// per-second heartbeats from becoming per-second storage writes.
    /// </summary>
    public TimeSpan PersistHeartbeatEvery { get; set; } = TimeSpan.FromSeconds(30);
}
