using System.Globalization;

namespace Fabric.HostAgent.Fencing;

/// <summary>
/// A process's start time (field 22 of <c>/proc/&lt;pid&gt;/stat</c>, clock ticks since boot): with the
/// pid it names one process for good, so a kill never hits a process that reused the pid.
/// </summary>
public static class ProcessStartTime
{
    /// <summary>The start time, or null when the process is gone or a zombie (already dead, holding nothing).</summary>
    public static long? Read(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields[0] != "Z" && long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : null;
    }

    /// <summary>True when <paramref name="pid"/> is still the process that started at <paramref name="startTime"/>.</summary>
    public static bool Matches(int pid, long startTime) => Read(pid) == startTime;
}
