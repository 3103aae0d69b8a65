using System.Diagnostics;
using System.Globalization;

namespace Fabric.Testing.Benchmarks;

/// <summary>What the numbers were measured on, and from which commit.</summary>
public static class MachineInfo
{
    public static object Read()
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
        return new
        {
            cpuModel = cpu ?? "unknown",
            cores = Environment.ProcessorCount,
            memoryMiB = MemInfoKiB("MemTotal") / 1024,
            os = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            loadAverageAtStart = File.ReadAllText("/proc/loadavg").Trim(),
        };
    }

    public static long MemInfoKiB(string field) =>
        long.Parse(File.ReadLines("/proc/meminfo").First(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    /// <summary>The checked-out commit, with "+dirty" when the work tree has changes.</summary>
    public static string GitCommit(string repository)
    {
        var commit = Git(repository, "rev-parse", "HEAD").Trim();
        return Git(repository, "status", "--porcelain", "--untracked-files=no").Length > 0 ? commit + "+dirty" : commit;
    }

    private static string Git(string repository, params string[] arguments)
    {
        var info = new ProcessStartInfo("git") { RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = repository };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var git = Process.Start(info)!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        return output;
    }
}
