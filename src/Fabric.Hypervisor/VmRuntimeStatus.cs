namespace Fabric.Hypervisor;

/// <summary>What a driver observes about one VM.</summary>
/// <param name="VmId">The VM.</param>
/// <param name="Epoch">The epoch the VM was started with.</param>
/// <param name="State">Current run state.</param>
/// <param name="Detail">Human-readable detail, e.g. why it stopped.</param>
public sealed record VmRuntimeStatus(string VmId, long Epoch, VmRunState State, string Detail)
{
    /// <summary>Why the VM is no longer running; null while it runs.</summary>
    public VmExitReason? ExitReason { get; init; }

    /// <summary>Host process id of the VM, when there is one.</summary>
    public int? ProcessId { get; init; }
}
