namespace Fabric.Hypervisor.Simulated;

/// <summary>Consoles of simulated VMs: silent serial ports and a blank 1×1 screen.</summary>
internal sealed class SimulatedConsole(SimulatedHypervisor driver) : IVmConsole
{
    /// <summary>A valid 1×1 black PNG.</summary>
    private static readonly byte[] BlankPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==");

    public async Task<Stream> OpenSerialAsync(string vmId, int port, CancellationToken cancellationToken)
    {
        await RequirePortAsync("OpenSerial", vmId, port, cancellationToken);
        return new MemoryStream();
    }

    public async Task<Stream> OpenVncAsync(string vmId, CancellationToken cancellationToken)
    {
        await driver.EnterAsync("OpenVnc", cancellationToken);
        driver.RequireRunning(vmId, "open the graphical console");
        return new MemoryStream();
    }

    public async Task<string> ReadSerialLogAsync(string vmId, int port, CancellationToken cancellationToken)
    {
        await RequirePortAsync("ReadSerialLog", vmId, port, cancellationToken);
        return string.Empty;
    }

    public async Task<byte[]> ScreenshotPngAsync(string vmId, CancellationToken cancellationToken)
    {
        await driver.EnterAsync("ScreenshotPng", cancellationToken);
        var vm = driver.RequireRunning(vmId, "take a screenshot");
        if (vm.Spec.Display.Kind == VmDisplayKind.None)
        {
            throw new HypervisorException(HypervisorErrorCode.Unsupported, $"VM '{vmId}' has no display device; give it a VNC display to take screenshots.");
        }

        return BlankPng;
    }

    private async Task RequirePortAsync(string operation, string vmId, int port, CancellationToken cancellationToken)
    {
        await driver.EnterAsync(operation, cancellationToken);
        var vm = driver.RequireRunning(vmId, "open a serial console");
        if (port < 0 || port >= vm.Spec.SerialPorts)
        {
            throw new HypervisorException(HypervisorErrorCode.InvalidSpec, $"VM '{vmId}' has {vm.Spec.SerialPorts} serial ports; COM{port + 1} does not exist.");
        }
    }
}
