namespace Fabric.Cli.Up.LeftoverVms;

/// <summary>A process's argv from <c>/proc/&lt;pid&gt;/cmdline</c>, or null when it is gone (or a zombie with none).</summary>
internal static class ProcessCommandLine
{
    public static IReadOnlyList<string>? Read(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/cmdline");
            return text.Length == 0 ? null : text.TrimEnd('\0').Split('\0');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The pid in <paramref name="pidFile"/>, or null when there is no readable number in it.</summary>
    public static int? ReadPidFile(string pidFile)
    {
        try
        {
            return int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid) && pid > 0 ? pid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
