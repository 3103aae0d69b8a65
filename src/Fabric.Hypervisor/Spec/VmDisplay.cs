namespace Fabric.Hypervisor;

/// <summary>How the VM's screen is reachable.</summary>
/// <param name="Kind">None, VNC on a unix socket in the runtime directory, or VNC on 127.0.0.1.</param>
/// <param name="LoopbackDisplay">VNC display number for <see cref="VmDisplayKind.VncLoopback"/> (port 5900 + n).</param>
public sealed record VmDisplay(VmDisplayKind Kind, int LoopbackDisplay = 0)
{
    public static VmDisplay None { get; } = new(VmDisplayKind.None);

    /// <summary>The default: reachable only through the agent, which proxies it (Proxmox does the same).</summary>
    public static VmDisplay UnixSocket { get; } = new(VmDisplayKind.VncUnixSocket);

    public static VmDisplay Loopback(int display) => new(VmDisplayKind.VncLoopback, display);
}
