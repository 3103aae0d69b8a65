namespace Fabric.Contracts.Vms;

/// <summary>What the VM's host observes about it.</summary>
public enum VmStatus
{
    Stopped,
    Starting,
    Running,
    Paused,
    Suspended,
    ShuttingDown,
    Crashed,

    /// <summary>The VM's host is unreachable: its state is not known.</summary>
    Unknown,
}
