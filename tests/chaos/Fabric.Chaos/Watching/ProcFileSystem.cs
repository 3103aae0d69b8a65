using System.Globalization;

namespace Fabric.Chaos.Watching;

/// <summary>The process table of this machine, read from <c>/proc</c>.</summary>
public sealed class ProcFileSystem : IProcessTable
{
    public IReadOnlyList<ProcessEntry> Snapshot()
    {
        var entries = new List<ProcessEntry>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Read(pid) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    /// <summary>One process, or null when it is gone (or ended while it was read).</summary>
    public static ProcessEntry? Read(int pid)
    {
        try
        {
            // "pid (comm) state ppid ...": comm may hold spaces and parentheses; starttime is field 22.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
            string? network = null;
            try
            {
                network = new FileInfo($"/proc/{pid}/ns/net").LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not ours to read, or gone; the namespace is only one way to tell the host.
            }

            return new ProcessEntry(pid, long.Parse(fields[19], CultureInfo.InvariantCulture), fields[0][0], arguments, network);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
