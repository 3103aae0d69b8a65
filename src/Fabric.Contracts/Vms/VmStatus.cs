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

    /// <summary>Wanted running, but no host can take it yet; the detail gives each host's reason. It is placed as soon as one can.</summary>
    Pending,
}
