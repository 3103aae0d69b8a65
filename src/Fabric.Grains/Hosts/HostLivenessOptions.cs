namespace Fabric.Grains.Hosts;

/// <summary>How the cluster judges host liveness. Bound from <c>Fabric:Hosts</c>.</summary>
public sealed class HostLivenessOptions
{
    public const string Section = "Fabric:Hosts";

    /// <summary>
    /// A host with no heartbeat from its lease holder for this long is Unreachable: its VMs may still
    /// run. Agents heartbeat every 500 ms; the default is the default lease TTL.
    /// </summary>
    public TimeSpan UnreachableAfter { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long after a host's lease lapsed the cluster waits before declaring it dead and restarting its
    /// HA VMs elsewhere. It covers the agent's kill of its HA VMs at its own deadline (which falls before
    /// the lease's expiry) and any difference in clock rate between the agent and the witness over one
    /// lease; see docs/high-availability.md.
    /// </summary>
    public TimeSpan FailoverMargin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A lease that had already lapsed when this silo first read the leases (the whole cluster was down,
    /// e.g. `fabric up` stopped and started again) is declared dead only this long after that first read:
    /// time for every host's agent to come back before anything is moved.
    /// </summary>
    public TimeSpan ColdStartGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often each silo reads every lease to find hosts that died.</summary>
    public TimeSpan LeaseCheckEvery { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How stale the stored last-heartbeat may get before a heartbeat writes it again. Keeps
    /// per-second heartbeats from becoming per-second storage writes.
    /// </summary>
    public TimeSpan PersistHeartbeatEvery { get; set; } = TimeSpan.FromSeconds(30);
}
