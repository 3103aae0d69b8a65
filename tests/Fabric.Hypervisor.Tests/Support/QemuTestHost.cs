using Fabric.Hypervisor.Qemu;
using Fabric.Testing.Guest;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Fabric.Hypervisor.Tests.Support;

/// <summary>
/// A QEMU driver on a private runtime root and storage pool. Dispose kills every QEMU whose pidfile
/// lies under the runtime root, even when the test failed half-way, and removes the directories.
/// </summary>
public sealed class QemuTestHost : IAsyncDisposable
{
    public static readonly TimeSpan BootTimeout = TimeSpan.FromSeconds(120);

    public QemuTestHost(string? forceAccelerator = "tcg")
    {
        Root = Path.Combine(Path.GetTempPath(), $"fabric-qemu-{Guid.NewGuid():N}"[..24]);
        RuntimeRoot = Path.Combine(Root, "run");
        PoolPath = Path.Combine(Root, "pool");
        Directory.CreateDirectory(PoolPath);
        Options = new QemuHypervisorOptions
        {
            RuntimeDirectory = RuntimeRoot,
            StoragePools = new() { ["local"] = PoolPath, ["guest"] = TestGuest.Directory },
            // Most tests skip the 15 s KVM probe; the probe tests run it for real.
            ForceAccelerator = forceAccelerator,
            GuestAgentTimeout = TimeSpan.FromSeconds(5),
        };
        Driver = NewDriver();
    }

    public string Root { get; }

    public string RuntimeRoot { get; }

    public string PoolPath { get; }

    public QemuHypervisorOptions Options { get; }

    public QemuHypervisor Driver { get; private set; }

    /// <summary>A fresh driver instance on the same runtime root, as after an agent restart.</summary>
    public QemuHypervisor NewDriver() => new(Microsoft.Extensions.Options.Options.Create(Options), NullLoggerFactory.Instance, TimeProvider.System);

    public async Task<QemuHypervisor> RestartDriverAsync()
    {
        await Driver.DisposeAsync();
        Driver = NewDriver();
        return Driver;
    }

    public string InPool(string name) => Path.Combine(PoolPath, name);

    /// <summary>The test guest booted straight from its kernel, serial console on COM1.</summary>
    public static VmRuntimeSpec GuestSpec(string vmId, DeviceProfile profile = DeviceProfile.Paravirtual) =>
        new(vmId, $"test {vmId}", 1, 1, 256)
        {
            Profile = profile,
            DirectKernelBoot = new DirectKernelBoot(TestGuest.Kernel, TestGuest.Initrd, "console=ttyS0"),
            Nics = [new VmNicSpec("net0")],
        };

    /// <summary>Waits until the guest agent answers, or fails with the serial log for diagnosis.</summary>
    public async Task WaitForAgentAsync(string vmId)
    {
        using var deadline = new CancellationTokenSource(BootTimeout);
        while (true)
        {
            try
            {
                await Driver.GuestAgent.PingAsync(vmId, deadline.Token);
                return;
            }
            catch (HypervisorException error) when (error.Code is HypervisorErrorCode.Timeout or HypervisorErrorCode.Failed && !deadline.IsCancellationRequested)
            {
                // Still booting; the ping's own timeout paces this loop.
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Guest agent of {vmId} did not answer within {BootTimeout}. Serial log:\n{await Driver.Console.ReadSerialLogAsync(vmId, 0, default)}");
            }
        }
    }

    /// <summary>Waits until COM1's log contains <paramref name="marker"/>.</summary>
    public async Task WaitForSerialAsync(string vmId, string marker, int occurrences = 1)
    {
        await Eventually.HoldsAsync(async () =>
        {
            var log = await Driver.Console.ReadSerialLogAsync(vmId, 0, default);
            return log.Split(marker).Length - 1 >= occurrences;
        }, BootTimeout, $"serial marker '{marker}' x{occurrences} on {vmId}");
    }

    public async Task<string> ShellAsync(string vmId, string command)
    {
        var result = await Driver.GuestAgent.ExecAsync(vmId, "/bin/sh", ["-c", command], TimeSpan.FromSeconds(60), default);
        Assert.True(result.ExitCode == 0, $"'{command}' in {vmId} exited {result.ExitCode}: {result.StandardError}");
        return result.StandardOutput;
    }

    public async ValueTask DisposeAsync()
    {
        await Driver.DisposeAsync();
        KillAll(RuntimeRoot);
        Directory.Delete(Root, recursive: true);
    }

    /// <summary>Kills, by pidfile, every QEMU with a runtime directory under <paramref name="runtimeRoot"/>.</summary>
    public static void KillAll(string runtimeRoot)
    {
        if (!Directory.Exists(runtimeRoot))
        {
            return;
        }

        foreach (var pidFile in Directory.GetFiles(runtimeRoot, "qemu.pid", SearchOption.AllDirectories))
        {
            if (int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid) && File.Exists($"/proc/{pid}/cmdline") &&
                File.ReadAllText($"/proc/{pid}/cmdline").Contains(pidFile, StringComparison.Ordinal))
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill();
                process.WaitForExit(10_000);
            }
        }
    }
}
