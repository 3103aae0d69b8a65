namespace Fabric.Cli.Up.LeftoverVms;

/// <summary>
/// Finds the VMs still running on this cluster's hosts, the way the agent finds them again: each
/// <c>run/&lt;vm&gt;/qemu.pid</c> under a host's data folder, counted only when that process was started
/// with <c>-pidfile</c> naming the same file (a reused pid is never taken for a VM).
/// </summary>
internal static class LeftoverVmScan
{
    public static IReadOnlyList<LeftoverVm> Find(IEnumerable<HostInstance> hosts) =>
        [.. hosts.SelectMany(host => Find(host.Name, host.DataDirectory)).OrderBy(vm => vm.Host, StringComparer.Ordinal).ThenBy(vm => vm.Name, StringComparer.Ordinal)];

    public static IEnumerable<LeftoverVm> Find(string host, string dataDirectory)
    {
        var runtime = Path.Combine(dataDirectory, "run");
        if (!Directory.Exists(runtime))
        {
            yield break;
        }

        foreach (var pidFile in Directory.EnumerateFiles(runtime, "qemu.pid", SearchOption.AllDirectories))
        {
            if (ProcessCommandLine.ReadPidFile(pidFile) is { } pid
                && ProcessCommandLine.Read(pid) is { } argv
                && argv.Zip(argv.Skip(1)).Any(pair => pair.First == "-pidfile" && pair.Second == pidFile))
            {
                yield return new LeftoverVm(VmName(argv) ?? Path.GetFileName(Path.GetDirectoryName(pidFile)!), host, pid);
            }
        }
    }

    /// <summary>Whether a host's fence companion still runs: until it exits, it may still kill that host's HA VMs.</summary>
    public static bool FenceCompanionRunning(string dataDirectory) =>
        ProcessCommandLine.ReadPidFile(Path.Combine(dataDirectory, "fence-companion.pid")) is { } pid
        && ProcessCommandLine.Read(pid) is { } argv
        && argv.Contains($"--Fabric:DataDir={dataDirectory}");

    /// <summary>The name in <c>-name guest=NAME,debug-threads=on</c> (commas in it doubled, QEMU's escape).</summary>
    private static string? VmName(IReadOnlyList<string> argv)
    {
        var option = argv.Zip(argv.Skip(1)).FirstOrDefault(pair => pair.First == "-name").Second;
        if (option is null || !option.StartsWith("guest=", StringComparison.Ordinal))
        {
            return null;
        }

        var value = option["guest=".Length..];
        var end = value.IndexOf(",debug-threads=", StringComparison.Ordinal);
        return (end >= 0 ? value[..end] : value).Replace(",,", ",", StringComparison.Ordinal);
    }
}
