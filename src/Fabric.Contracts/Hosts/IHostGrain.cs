using Fabric.Contracts.Consoles;
using Fabric.Contracts.Tasks;
using Fabric.Contracts.Vms;
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

    /// <summary>Adds or replaces the assignment of a VM to this host (called by the VM's grain).</summary>
    /// <remarks>Interleaves: it decides before its first await, then waits for a write it may share with other assignments.</remarks>
    [Alias("Assign"), AlwaysInterleave]
    Task Assign(VmAssignment assignment);

    /// <summary>Removes a VM from this host; the agent stops it by force if it still runs.</summary>
    /// <remarks>Interleaves, as <see cref="Assign"/> does.</remarks>
    [Alias("Unassign"), AlwaysInterleave]
    Task Unassign(string vm);

    /// <summary>Hands a task to the host's agent and waits for its outcome (interleaves with heartbeats).</summary>
    [Alias("RunTask"), AlwaysInterleave, ResponseTimeout("00:30:00")]
    Task<HostTaskResult> RunTask(HostTask task, TimeSpan deadline);

    /// <summary>The last observation of a VM this host reported, or null (a reactivated VM grain catches up with it).</summary>
    [Alias("GetObservation"), AlwaysInterleave]
    Task<VmObservation?> GetObservation(string vm);

    /// <summary>Issues a single-use ticket for a console of a VM this host runs (valid for a few seconds).</summary>
    [Alias("IssueConsoleTicket")]
    Task<ConsoleTicket> IssueConsoleTicket(string vm, ConsoleKind kind);

    /// <summary>Called by the host's console relay: what the ticket allows, or null when it is unknown, used or expired.</summary>
    [Alias("RedeemConsoleTicket"), AlwaysInterleave]
    Task<ConsoleGrant?> RedeemConsoleTicket(string ticket);

    /// <summary>
    /// Called by the silos' lease watch when the host's lease generation lapsed longer than the margin
    /// ago: declares that generation dead (once, at the witness) and hands each of its VMs the failure,
    /// highest restart priority first. Idempotent: a repeat finishes a failover an earlier call left half-done.
    /// </summary>
    [Alias("Fence")]
    Task Fence(long generation);

    /// <summary>Puts the host in or out of maintenance.</summary>
    [Alias("SetMaintenance")]
    Task<HostInfo> SetMaintenance(bool enabled);
}
