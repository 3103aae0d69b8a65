namespace Fabric.Contracts.Vms;

/// <summary>The power state a user asked for: the desired state the host agent drives the VM to.</summary>
public enum PowerState
{
    Stopped,
    Running,
    Paused,

    /// <summary>Memory saved to a file and the process ended (Hyper-V's "save", a laptop's sleep).</summary>
    Suspended,
}
