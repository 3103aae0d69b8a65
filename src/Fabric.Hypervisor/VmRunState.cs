namespace Fabric.Hypervisor;

/// <summary>The run state of a VM process as the hypervisor sees it.</summary>
public enum VmRunState
{
    Starting,
    Running,
    Paused,
    Suspended,
    ShuttingDown,
    Stopped,
    Crashed,
}
