namespace Fabric.Hypervisor;

/// <summary>Where the VM's VNC server listens, if anywhere.</summary>
public enum VmDisplayKind
{
    None,
    VncUnixSocket,
    VncLoopback,
}
