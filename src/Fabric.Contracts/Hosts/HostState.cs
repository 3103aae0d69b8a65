namespace Fabric.Contracts.Hosts;

/// <summary>A host's state as the cluster sees it.</summary>
public enum HostState
{
    /// <summary>Known to the cluster but not yet heartbeating.</summary>
    Joining,

    /// <summary>Heartbeating within the deadline; can run VMs.</summary>
    Ready,

    /// <summary>No heartbeat within <c>Fabric:Hosts:UnreachableAfter</c>.</summary>
    Unreachable,

    /// <summary>Put aside by an operator; receives no new VMs.</summary>
    Maintenance,

    /// <summary>
    /// Its lease lapsed and the safety margin passed: the cluster holds it dead, its VMs stopped there,
    /// and restarts its HA VMs elsewhere. It returns only when an agent takes a new lease.
    /// </summary>
    Fenced,
}
