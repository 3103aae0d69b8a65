namespace Fabric.Hypervisor;

/// <summary>Serial consoles and the screen of a running VM.</summary>
public interface IVmConsole
{
    /// <summary>
    /// A two-way stream to COM(<paramref name="port"/>+1). One client at a time (QEMU serves one per
    /// socket); dispose the stream to let the next one in.
    /// </summary>
    Task<Stream> OpenSerialAsync(string vmId, int port, CancellationToken cancellationToken);

    /// <summary>Everything COM(<paramref name="port"/>+1) printed since the VM started, even with no client attached.</summary>
    Task<string> ReadSerialLogAsync(string vmId, int port, CancellationToken cancellationToken);

    /// <summary>The screen as PNG; needs a display (<see cref="VmRuntimeSpec.Display"/> not None).</summary>
    Task<byte[]> ScreenshotPngAsync(string vmId, CancellationToken cancellationToken);

    /// <summary>
    /// A two-way stream to the VM's VNC server speaking RFB from its first byte. Only for the
    /// unix-socket display, which nothing but this host's agent can reach; the agent's relay
    /// authenticates whoever it bridges to it.
    /// </summary>
    Task<Stream> OpenVncAsync(string vmId, CancellationToken cancellationToken);
}
