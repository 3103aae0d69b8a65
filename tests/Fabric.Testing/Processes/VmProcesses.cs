namespace Fabric.Testing.Processes;

/// <summary>Ends the QEMU processes a test's agent left (they outlive the agent by design), found by their pidfiles.</summary>
public static class VmProcesses
{
    public static void KillAll(string agentDataDirectory)
    {
        var runtime = Path.Combine(agentDataDirectory, "run");
        if (!Directory.Exists(runtime))
        {
            return;
        }

        foreach (var pidFile in Directory.EnumerateFiles(runtime, "*.pid", SearchOption.AllDirectories))
        {
            if (int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid) && IsQemu(pid))
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
    }

    private static bool IsQemu(int pid)
    {
        var cmdline = $"/proc/{pid}/cmdline";
        return File.Exists(cmdline) && File.ReadAllText(cmdline).Contains("qemu-system", StringComparison.Ordinal);
    }
}
