using Fabric.Contracts.Operations;
using Orleans.Concurrency;

namespace Fabric.Contracts.Vms;

/// <summary>One VM, keyed by its name. Holds the desired state; the VM's host agent makes it real.</summary>
[Alias("fabric.IVmGrain")]
public interface IVmGrain : IGrainWithStringKey
{
    /// <summary>Creates the VM and its new disks; throws <see cref="Validation.FabricException"/> listing every problem.</summary>
    [Alias("Create"), ResponseTimeout("00:10:00")]
    Task<VmInfo> Create(CreateVmRequest request);

    /// <summary>The VM, or null when no VM has this name.</summary>
    [Alias("Get"), AlwaysInterleave]
    Task<VmInfo?> Get();

    /// <summary>Changes the desired power state; returns the operation that tracks it.</summary>
    [Alias("Power"), ResponseTimeout("00:02:00")]
    Task<OperationInfo> Power(PowerAction action, TimeSpan? shutdownTimeout);

    [Alias("ChangeHardware"), ResponseTimeout("00:02:00")]
    Task<VmInfo> ChangeHardware(HardwareChange change);

    /// <summary>Attaches a cluster disk (hot-plugged when running; Scsi adds a controller if none).</summary>
    [Alias("AttachDisk"), ResponseTimeout("00:02:00")]
    Task<VmInfo> AttachDisk(string disk, DiskBus bus);

    /// <summary>Grows an attached disk: online (QEMU block_resize, the guest sees it) when running, on the image when stopped.</summary>
    [Alias("GrowDisk"), ResponseTimeout("00:30:00")]
    Task<OperationInfo> GrowDisk(string disk, long newSizeBytes);

    [Alias("DetachDisk"), ResponseTimeout("00:02:00")]
    Task<VmInfo> DetachDisk(string disk);

    /// <summary>Runs a program in the guest through the guest agent and returns its exit code and output.</summary>
    /// <remarks>Interleaves: it only reads the VM, and a long command must not hold up power actions.</remarks>
    [Alias("Exec"), AlwaysInterleave, ResponseTimeout("00:05:00")]
    Task<GuestExecResult> Exec(IReadOnlyList<string> command, TimeSpan timeout);

    /// <summary>A PNG of the running VM's screen, taken by its host (dashboard thumbnails).</summary>
    [Alias("Screenshot"), AlwaysInterleave, ResponseTimeout("00:01:00")]
    Task<byte[]> Screenshot();

    /// <summary>Deletes a stopped VM; its disks stay (detached) unless <paramref name="deleteDisks"/>.</summary>
    [Alias("Delete"), ResponseTimeout("00:05:00")]
    Task Delete(bool deleteDisks);

    /// <summary>
    /// Called by the VM's host grain with what the agent observes. One-way, so a host grain busy
    /// with a heartbeat never waits on a VM grain that is itself waiting on the host (no call cycle).
    /// </summary>
    [Alias("Observe"), OneWay]
    Task Observe(VmObservation observation);

    /// <summary>
    /// Called by a host grain whose host was declared dead: a VM still placed there at <paramref name="epoch"/>
    /// is restarted elsewhere at a new epoch when its restart policy says so, and otherwise stays down with the reason.
    /// </summary>
    [Alias("HostFailed")]
    Task HostFailed(string host, long epoch, DateTimeOffset declaredDeadAt);
}
