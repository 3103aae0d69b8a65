namespace Fabric.Testing.Processes;

/// <summary>Ends the QEMU processes a test's agent left (they outlive the agent by design), found by their pidfiles.</summary>
public static class VmProcesses
{
    public static void KillAll(string agentDataDirectory)
    {
        foreach (var pid in Find(agentDataDirectory))
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }
    }

    /// <summary>The pids of the QEMU processes running for the agent whose data folder this is.</summary>
    public static IReadOnlyList<int> Find(string agentDataDirectory)
    {
        var runtime = Path.Combine(agentDataDirectory, "run");
        if (!Directory.Exists(runtime))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(runtime, "*.pid", SearchOption.AllDirectories)
            .Select(pidFile => int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && IsQemu(pid))];
    }

    private static bool IsQemu(int pid)
    {
        var cmdline = $"/proc/{pid}/cmdline";
        return File.Exists(cmdline) && File.ReadAllText(cmdline).Contains("qemu-system", StringComparison.Ordinal);
    }
}
