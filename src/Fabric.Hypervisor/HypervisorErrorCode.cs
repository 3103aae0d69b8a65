namespace Fabric.Hypervisor;

/// <summary>Typed reasons a hypervisor operation is refused or fails.</summary>
public enum HypervisorErrorCode
{
    NotFound,
    AlreadyRunning,
    NotRunning,
    InvalidSpec,
    Timeout,
    Failed,

    /// <summary>A path lies outside every configured storage pool (or escapes one through <c>..</c> or a symlink).</summary>
    PathNotAllowed,

    /// <summary>The storage pool has less free space than the request needs.</summary>
    InsufficientSpace,

    /// <summary>The operation is not possible with this VM's devices or this driver (e.g. no guest agent, no display).</summary>
    Unsupported,
}
