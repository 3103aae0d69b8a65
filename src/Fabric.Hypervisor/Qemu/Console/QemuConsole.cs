using System.Net.Sockets;
using System.Text.Json.Nodes;
using Fabric.Hypervisor.Qemu.Lifecycle;

namespace Fabric.Hypervisor.Qemu.Console;

/// <summary>Serial consoles (unix sockets + log files) and PNG screenshots of a running VM.</summary>
internal sealed class QemuConsole(QemuHypervisor driver) : IVmConsole
{
    public async Task<Stream> OpenSerialAsync(string vmId, int port, CancellationToken cancellationToken)
    {
        var vm = await driver.RequireRunningAsync(vmId, "open a serial console", cancellationToken);
        RequirePort(vm, port);
        return await ConnectAsync(vm.Paths.SerialSocket(port), cancellationToken);
    }

    public async Task<Stream> OpenVncAsync(string vmId, CancellationToken cancellationToken)
    {
        var vm = await driver.RequireRunningAsync(vmId, "open the graphical console", cancellationToken);
        if (vm.Spec.Display.Kind != VmDisplayKind.VncUnixSocket)
        {
            throw new HypervisorException(HypervisorErrorCode.Unsupported,
                $"VM '{vmId}' has display {vm.Spec.Display.Kind}; the graphical console needs the VNC unix-socket display.");
        }

        return await ConnectAsync(vm.Paths.VncSocket, cancellationToken);
    }

    /// <summary>Connects to one of QEMU's unix sockets; QEMU serves one client at a time on each.</summary>
    private static async Task<Stream> ConnectAsync(string path, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async Task<string> ReadSerialLogAsync(string vmId, int port, CancellationToken cancellationToken)
    {
        var paths = driver.PathsOf(vmId);
        var spec = VmRuntimeFiles.ReadSpec(paths)
            ?? throw new HypervisorException(HypervisorErrorCode.NotFound, $"VM '{vmId}' is not known on this host.");
        if (port < 0 || port >= spec.SerialPorts)
        {
            throw new HypervisorException(HypervisorErrorCode.InvalidSpec, $"VM '{vmId}' has {spec.SerialPorts} serial ports; COM{port + 1} does not exist.");
        }

        // QEMU keeps appending; share the file so neither side blocks the other.
        await using var log = new FileStream(paths.SerialLog(port), FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(log);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    public async Task<byte[]> ScreenshotPngAsync(string vmId, CancellationToken cancellationToken)
    {
        var vm = await driver.RequireRunningAsync(vmId, "take a screenshot", cancellationToken);
        if (vm.Spec.Display.Kind == VmDisplayKind.None)
        {
            throw new HypervisorException(HypervisorErrorCode.Unsupported, $"VM '{vmId}' has no display device; give it a VNC display to take screenshots.");
        }

        // QEMU itself writes the file, so it goes into the runtime directory QEMU can write to.
        var file = vm.Paths.ScreenshotFile;
        try
        {
            await vm.Qmp.ExecuteAsync("screendump", new JsonObject { ["filename"] = file, ["format"] = "png" }, cancellationToken);
            return await File.ReadAllBytesAsync(file, cancellationToken);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static void RequirePort(QemuVm vm, int port)
    {
        if (port < 0 || port >= vm.Spec.SerialPorts)
        {
            throw new HypervisorException(HypervisorErrorCode.InvalidSpec,
                $"VM '{vm.Spec.VmId}' has {vm.Spec.SerialPorts} serial ports; COM{port + 1} does not exist.");
        }
    }
}
