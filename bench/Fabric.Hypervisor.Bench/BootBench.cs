using System.Diagnostics;
using Fabric.Hypervisor.Qemu.CommandLine;
using Fabric.Hypervisor.Qemu.GuestAgent;
using Fabric.Hypervisor.Qemu.Lifecycle;

namespace Fabric.Hypervisor.Bench;

/// <summary>
/// Start request → first guest-agent pong, through the driver and for the same argv launched raw,
/// interleaved in one run so both see the same machine load.
/// </summary>
internal static class BootBench
{
    public static async Task RunAsync(BenchWorkspace workspace, int runs, string outputFile)
    {
        var accelerator = (await workspace.Driver.ProbeAsync(default)).Acceleration.Accelerator;
        var driverMs = new List<double>();
        var rawMs = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            driverMs.Add(await ThroughDriverAsync(workspace, $"drv{run}"));
            rawMs.Add(await RawAsync(workspace, $"raw{run}", accelerator));
            Console.WriteLine($"boot run {run + 1}/{runs}: driver {driverMs[^1]:0} ms, raw {rawMs[^1]:0} ms");
        }

        var driverMedian = Stats.Median(driverMs);
        var rawMedian = Stats.Median(rawMs);
        await Results.WriteAsync(outputFile, new
        {
            benchmark = "boot: start request to first guest-agent ping reply (test guest, direct kernel boot)",
            accelerator,
            runs,
            driverMedianMs = Math.Round(driverMedian, 1),
            rawMedianMs = Math.Round(rawMedian, 1),
            ratio = Math.Round(driverMedian / rawMedian, 3),
            goal = "ratio <= 1.10",
            driverRunsMs = driverMs.Select(m => Math.Round(m, 1)),
            rawRunsMs = rawMs.Select(m => Math.Round(m, 1)),
            machine = MachineInfo.Read(),
            date = DateTimeOffset.UtcNow,
        });
    }

    private static async Task<double> ThroughDriverAsync(BenchWorkspace workspace, string vmId)
    {
        var clock = Stopwatch.StartNew();
        await workspace.Driver.StartAsync(BenchWorkspace.GuestSpec(vmId), default);
        while (true)
        {
            try
            {
                await workspace.Driver.GuestAgent.PingAsync(vmId, default);
                break;
            }
            catch (HypervisorException error) when (error.Code is HypervisorErrorCode.Timeout or HypervisorErrorCode.Failed)
            {
                // Not up yet.
            }
        }

        var elapsed = clock.Elapsed.TotalMilliseconds;
        await workspace.Driver.StopAsync(vmId, StopMode.Force, TimeSpan.Zero, default);
        return elapsed;
    }

    private static async Task<double> RawAsync(BenchWorkspace workspace, string vmId, string accelerator)
    {
        var paths = new VmRuntimePaths(Path.Combine(workspace.Root, "raw"), vmId);
        Directory.CreateDirectory(paths.Directory);
        var argv = QemuCommandLineBuilder.Build(BenchWorkspace.GuestSpec(vmId), paths, accelerator);
        var clock = Stopwatch.StartNew();
        var start = new ProcessStartInfo(workspace.Options.QemuBinary) { UseShellExecute = false };
        foreach (var argument in argv)
        {
            start.ArgumentList.Add(argument);
        }

        using (var qemu = Process.Start(start)!)
        {
            await qemu.WaitForExitAsync();
        }

        using var agent = new GuestAgentClient(paths.GuestAgentSocket, TimeProvider.System);
        while (true)
        {
            try
            {
                await agent.ExecuteAsync("guest-ping", null, workspace.Options.GuestAgentTimeout, default);
                break;
            }
            catch (HypervisorException error) when (error.Code is HypervisorErrorCode.Timeout or HypervisorErrorCode.Failed)
            {
                // Not up yet.
            }
        }

        var elapsed = clock.Elapsed.TotalMilliseconds;
        var pid = int.Parse(await File.ReadAllTextAsync(paths.PidFile), System.Globalization.CultureInfo.InvariantCulture);
        using (var process = Process.GetProcessById(pid))
        {
            process.Kill();
        }

        while (File.Exists($"/proc/{pid}/cmdline") && (await File.ReadAllTextAsync($"/proc/{pid}/cmdline")).Length > 0)
        {
            await Task.Delay(20);
        }

        Directory.Delete(paths.Directory, recursive: true);
        return elapsed;
    }
}
