using System.Globalization;

namespace Fabric.Create.Bench;

/// <summary>The silo's resident memory (VmRSS in /proc/&lt;pid&gt;/status), read after a forced full GC when the tools are installed.</summary>
internal sealed class SiloMemory(DiagnosticTools tools, string scratch)
{
    public string Method => tools.Installed
        ? "VmRSS from /proc/<silo pid>/status, each read right after dotnet-gcdump collect (which forces a full blocking GC in the silo)"
        : "VmRSS from /proc/<silo pid>/status without a forced GC (diagnostic tools not installed)";

    /// <summary>Forces a GC when it can, then reads RSS; also returns the heap dump's path (null without the tools).</summary>
    public async Task<(long RssBytes, string? GcDump)> MeasureAsync(int pid, string label)
    {
        string? dump = null;
        if (tools.Installed)
        {
            dump = await tools.GcDumpAsync(pid, Path.Combine(scratch, $"{label}.gcdump"));
        }

        return (RssBytes(pid), dump);
    }

    private static long RssBytes(int pid)
    {
        // "VmRSS:	  123456 kB"
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', '\t', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
