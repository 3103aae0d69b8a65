namespace Fabric.Contracts.Vms;

/// <summary>What happens when a VM stops without being asked to.</summary>
public enum RestartPolicy
{
    /// <summary>It stays down: after its host fails, after a crash, after the guest powers off.</summary>
    Never,

    /// <summary>
    /// Restarted after a failure: on another host when its host fails (HA), in place when QEMU crashes.
    /// A guest that powers itself off stays off.
    /// </summary>
    OnFailure,

    /// <summary>As <see cref="OnFailure"/>, and also started again when the guest powers itself off.</summary>
    Always,
}
