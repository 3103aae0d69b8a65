using System.Globalization;
using System.Text.RegularExpressions;

namespace Fabric.Hypervisor.Bench;

/// <summary>
/// Sequential O_DIRECT dd inside the guest on a virtio-blk disk and on an AHCI (IDE-compatible)
/// disk of the same size, attached to one VM in one run. Both VMs use the Paravirtual profile so the
/// guest agent can run dd; only the disk's bus differs.
/// </summary>
internal static partial class DiskProfileBench
{
    private const int MiB = 1024 * 1024;
    private const int TransferMiB = 512;
    private const int Repeats = 3;

    public static async Task RunAsync(BenchWorkspace workspace, string outputFile)
    {
        var virtio = Path.Combine(workspace.Pool, "virtio.raw");
        var ide = Path.Combine(workspace.Pool, "ide.raw");
        await workspace.Driver.Disks.CreateAsync(new DiskCreateRequest(virtio, DiskFormat.Raw, 2L * TransferMiB * MiB), default);
        await workspace.Driver.Disks.CreateAsync(new DiskCreateRequest(ide, DiskFormat.Raw, 2L * TransferMiB * MiB), default);
        var spec = BenchWorkspace.GuestSpec("disks") with
        {
            VCpus = 2,
            Disks =
            [
                new VmDiskSpec("virtio", virtio, DiskFormat.Raw) { Bus = DiskBus.VirtioBlk },
                new VmDiskSpec("ide", ide, DiskFormat.Raw) { Bus = DiskBus.Sata },
            ],
        };
        await workspace.Driver.StartAsync(spec, default);
        await WaitForAgentAsync(workspace);
        var (virtioWrite, virtioRead) = await MeasureAsync(workspace, "/dev/vda");
        var (ideWrite, ideRead) = await MeasureAsync(workspace, "/dev/sda");
        await workspace.Driver.StopAsync("disks", StopMode.Force, TimeSpan.Zero, default);

        await Results.WriteAsync(outputFile, new
        {
            benchmark = $"sequential dd in the guest, {TransferMiB} MiB, bs=1M, O_DIRECT, drop_caches before reads, median of {Repeats}",
            accelerator = (await workspace.Driver.ProbeAsync(default)).Acceleration.Accelerator,
            imageSizeMiB = 2 * TransferMiB,
            virtioWriteMBps = virtioWrite,
            ideWriteMBps = ideWrite,
            virtioReadMBps = virtioRead,
            ideReadMBps = ideRead,
            writeRatio = Math.Round(virtioWrite / ideWrite, 2),
            readRatio = Math.Round(virtioRead / ideRead, 2),
            machine = MachineInfo.Read(),
            date = DateTimeOffset.UtcNow,
        });
    }

    private static async Task<(double Write, double Read)> MeasureAsync(BenchWorkspace workspace, string device)
    {
        var writes = new List<double>();
        var reads = new List<double>();
        for (var i = 0; i < Repeats; i++)
        {
            writes.Add(await DdAsync(workspace, $"dd if=/dev/zero of={device} bs=1M count={TransferMiB} oflag=direct"));
            reads.Add(await DdAsync(workspace, $"echo 3 > /proc/sys/vm/drop_caches; dd if={device} of=/dev/null bs=1M count={TransferMiB} iflag=direct"));
            Console.WriteLine($"{device}: write {writes[^1]:0.0} MB/s, read {reads[^1]:0.0} MB/s");
        }

        return (Math.Round(Stats.Median(writes), 1), Math.Round(Stats.Median(reads), 1));
    }

    /// <summary>
    /// Runs dd and returns MB/s (10^6 bytes). The guest's static busybox prints no timing line, so the
    /// guest times it with /proc/uptime (10 ms resolution; runs last seconds).
    /// </summary>
    private static async Task<double> DdAsync(BenchWorkspace workspace, string command)
    {
        var timed = $"a=$(cut -d' ' -f1 /proc/uptime); {command} 2>/dev/null || exit 1; b=$(cut -d' ' -f1 /proc/uptime); echo \"$a $b\"";
        var result = await workspace.Driver.GuestAgent.ExecAsync("disks", "/bin/sh", ["-c", timed], TimeSpan.FromMinutes(10), default);
        var match = Uptimes().Match(result.StandardOutput);
        if (result.ExitCode != 0 || !match.Success)
        {
            throw new InvalidOperationException($"'{command}' failed ({result.ExitCode}): {result.StandardOutput} {result.StandardError}");
        }

        var seconds = double.Parse(match.Groups["end"].Value, CultureInfo.InvariantCulture) - double.Parse(match.Groups["start"].Value, CultureInfo.InvariantCulture);
        return (double)TransferMiB * MiB / seconds / 1e6;
    }

    private static async Task WaitForAgentAsync(BenchWorkspace workspace)
    {
        while (true)
        {
            try
            {
                await workspace.Driver.GuestAgent.PingAsync("disks", default);
                return;
            }
            catch (HypervisorException error) when (error.Code is HypervisorErrorCode.Timeout or HypervisorErrorCode.Failed)
            {
                // Booting.
            }
        }
    }

    [GeneratedRegex(@"(?<start>[\d.]+) (?<end>[\d.]+)")]
    private static partial Regex Uptimes();
}
