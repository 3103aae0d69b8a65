namespace Fabric.Contracts.Hosts;

/// <summary>The cluster's answer to a heartbeat: what the host should be running.</summary>
/// <param name="State">The host's state after this heartbeat.</param>
/// <param name="DesiredVmIds">VMs assigned to this host (none until VM placement exists).</param>
[GenerateSerializer, Immutable, Alias("fabric.HeartbeatReply")]
public sealed record HeartbeatReply(
    [property: Id(0)] HostState State,
    [property: Id(1)] IReadOnlyList<string> DesiredVmIds);
