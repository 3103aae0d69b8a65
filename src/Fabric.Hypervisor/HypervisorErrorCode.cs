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
}
