using System.Globalization;

namespace Fabric.Testing.Processes;

/// <summary>
/// The processes below a process, read from <c>/proc</c>, each identified by pid and start time so
/// a pid the kernel reuses later is not mistaken for the process seen before.
/// </summary>
public static class ProcessTree
{
    /// <summary>One process as <c>/proc</c> shows it.</summary>
    public sealed record Entry(int Pid, int ParentPid, long StartTime, char State, string CommandLine);

    /// <summary>Every living descendant of <paramref name="pid"/> (children, their children, ...).</summary>
    public static IReadOnlyList<Entry> Descendants(int pid)
    {
        var all = Snapshot();
        var found = new List<Entry>();
        var parents = new Queue<int>([pid]);
        while (parents.TryDequeue(out var parent))
        {
            foreach (var child in all.Where(e => e.ParentPid == parent && e.State != 'Z'))
            {
                found.Add(child);
                parents.Enqueue(child.Pid);
            }
        }

        return found;
    }

    /// <summary>True while the very process of <paramref name="entry"/> exists and is not a zombie.</summary>
    public static bool IsAlive(Entry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Read(entry.Pid) is { State: not 'Z' } now && now.StartTime == entry.StartTime;
    }

    private static List<Entry> Snapshot()
    {
        var entries = new List<Entry>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Read(pid) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    private static Entry? Read(int pid)
    {
        try
        {
            // /proc/PID/stat: "pid (comm) state ppid ..." where comm may hold spaces and parentheses; starttime is field 22.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
            return new Entry(pid, int.Parse(fields[1], CultureInfo.InvariantCulture), long.Parse(fields[19], CultureInfo.InvariantCulture), fields[0][0], commandLine);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Ended while we looked.
            return null;
        }
    }
}
