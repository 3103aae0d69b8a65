using System.Diagnostics;
using Fabric.Hypervisor.Probing;
using Fabric.Hypervisor.Qemu;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Fabric.Hypervisor.Bench;

/// <summary>A private runtime root and pool, the driver on them, and cleanup of any QEMU left behind.</summary>
internal sealed class BenchWorkspace : IAsyncDisposable
{
    public BenchWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), $"fabric-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(Path.Combine(Root, "pool"));
        Options = new QemuHypervisorOptions
        {
            RuntimeDirectory = Path.Combine(Root, "run"),
            StoragePools = new() { ["bench"] = Path.Combine(Root, "pool") },
            // Same ping cadence for the driver and the raw launch, so only the launch path differs.
            GuestAgentTimeout = TimeSpan.FromMilliseconds(500),
        };
        Driver = new QemuHypervisor(Microsoft.Extensions.Options.Options.Create(Options), NullLoggerFactory.Instance, TimeProvider.System);
    }

    public string Root { get; }

    public string Pool => Path.Combine(Root, "pool");

    public QemuHypervisorOptions Options { get; }

    public QemuHypervisor Driver { get; }

    public static string GuestFile(string name)
    {
        var path = Path.Combine(ProbeKernelLocator.TestGuestDirectory(), name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: run tests/guest/build.sh first.");
    }

    public static VmRuntimeSpec GuestSpec(string vmId) => new(vmId, vmId, 1, 1, 256)
    {
        DirectKernelBoot = new DirectKernelBoot(GuestFile("vmlinuz"), GuestFile("initrd.img"), "console=ttyS0"),
        Nics = [new VmNicSpec("net0")],
    };

    public async ValueTask DisposeAsync()
    {
        await Driver.DisposeAsync();
        foreach (var pidFile in Directory.Exists(Root) ? Directory.GetFiles(Root, "qemu.pid", SearchOption.AllDirectories) : [])
        {
            if (int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid) && File.Exists($"/proc/{pid}/cmdline")
                && File.ReadAllText($"/proc/{pid}/cmdline").Contains(pidFile, StringComparison.Ordinal))
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
            }
        }

        Directory.Delete(Root, recursive: true);
    }
}
