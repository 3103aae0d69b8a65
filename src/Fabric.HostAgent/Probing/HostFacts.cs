namespace Fabric.HostAgent.Probing;

/// <summary>Reads facts about the host from /proc and /etc. Each reader falls back to "unknown" rather than failing start-up.</summary>
public static class HostFacts
{
    public static string CpuModel(string cpuInfoPath = "/proc/cpuinfo") =>
        ReadField(cpuInfoPath, "model name", ':') ?? "unknown";

    public static long MemoryBytes(string memInfoPath = "/proc/meminfo")
    {
        // "MemTotal:       24610432 kB"
        var value = ReadField(memInfoPath, "MemTotal", ':');
        var kib = value?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return long.TryParse(kib, out var k) ? k * 1024 : 0;
    }

    public static string OperatingSystem(string osReleasePath = "/etc/os-release") =>
        ReadField(osReleasePath, "PRETTY_NAME", '=')?.Trim('"') ?? System.Runtime.InteropServices.RuntimeInformation.OSDescription;

    private static string? ReadField(string path, string key, char separator)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        foreach (var line in File.ReadLines(path))
        {
            var at = line.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0 && line[..at].Trim() == key)
            {
                return line[(at + 1)..].Trim();
            }
        }

        return null;
    }
}
