using Orleans.Concurrency;

namespace Fabric.Contracts.Hosts;

/// <summary>One physical host, keyed by its host name. Owns the host's registration and liveness.</summary>
[Alias("fabric.IHostGrain")]
public interface IHostGrain : IGrainWithStringKey
{
    /// <summary>Registers (first time) or renews the host; returns its desired assignments.</summary>
    [Alias("Heartbeat")]
    Task<HeartbeatReply> Heartbeat(HostHeartbeat heartbeat);

    /// <summary>The host as the cluster knows it, or <c>null</c> when it never registered.</summary>
    /// <remarks>Interleaves: it only reads, and the inventory calls it while a host may be enrolling.</remarks>
    [Alias("GetInfo"), AlwaysInterleave]
    Task<HostInfo?> GetInfo();

    /// <summary>Puts the host in or out of maintenance.</summary>
    [Alias("SetMaintenance")]
    Task<HostInfo> SetMaintenance(bool enabled);
}
