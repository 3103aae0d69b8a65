using Fabric.Hypervisor;

namespace Fabric.HostAgent.Reconcile;

/// <summary>
/// What this agent last made real for a VM: the runtime spec as started plus every hot-plug since,
/// the SCSI controllers added, the disk sizes and the reset/restart requests carried out. Saved per
/// VM under the data folder so a restarted agent diffs against the truth, not against nothing.
/// </summary>
public sealed record AppliedVm
{
    public required long Epoch { get; init; }

    public required VmRuntimeSpec Spec { get; init; }

    public int ScsiControllers { get; init; }

    public int ResetCount { get; init; }

    public int RestartCount { get; init; }

    /// <summary>Disk sizes in bytes by cluster disk name.</summary>
    public IReadOnlyDictionary<string, long> DiskSizes { get; init; } = new Dictionary<string, long>();
}
