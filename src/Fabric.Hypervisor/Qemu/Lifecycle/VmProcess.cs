using System.Diagnostics;
using System.Globalization;

namespace Fabric.Hypervisor.Qemu.Lifecycle;

/// <summary>
/// The QEMU process of a VM, found by pidfile. A pid only counts as ours when its
/// <c>/proc/&lt;pid&gt;/cmdline</c> names the same pidfile (Proxmox's guard against pid reuse).
/// QEMU is not our child (it daemonizes), so waiting means watching <c>/proc</c>.
/// </summary>
internal static class VmProcess
{
    public static int? ReadPid(string pidFile)
    {
        try
        {
            return int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="pid"/> is alive (not a zombie) and was started with <c>-pidfile <paramref name="pidFile"/></c>.</summary>
    public static bool IsOurs(int pid, string pidFile)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Field 3 follows the ")" that closes the command name; Z = zombie (exited, not reaped).
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            if (state is "Z" or "X")
            {
                return false;
            }

            var argv = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
            return argv.Zip(argv.Skip(1)).Any(p => p.First == "-pidfile" && p.Second == pidFile);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Waits until the process is gone; false when it still runs at the deadline.</summary>
    public static async Task<bool> WaitForExitAsync(int pid, string pidFile, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (IsOurs(pid, pidFile))
        {
            if (time.GetUtcNow() >= deadline)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken);
        }

        return true;
    }

    /// <summary>SIGKILL, only after checking the pid is still our QEMU.</summary>
    public static void Kill(int pid, string pidFile)
    {
        if (!IsOurs(pid, pidFile))
        {
            return;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
        catch (ArgumentException)
        {
            // Exited between the check and the kill.
        }
    }
}
