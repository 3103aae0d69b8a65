using Fabric.Chaos.Faults;
using Fabric.Chaos.Watching;

namespace Fabric.Chaos.Cluster;

/// <summary>Ends what a cluster under test leaves behind: QEMU processes whose files are under its data folder, and fence companions.</summary>
internal static class LeftoverProcesses
{
    public static void KillBelow(string dataDirectory, IEnumerable<int?> companions)
    {
        var folder = Path.GetFullPath(dataDirectory).TrimEnd('/') + "/";
        foreach (var process in new ProcFileSystem().Snapshot())
        {
            if (QemuProcess.From(process) is { } qemu && qemu.Paths.Any(p => p.StartsWith(folder, StringComparison.Ordinal)))
            {
                Signals.Kill(process.Pid);
            }
        }

        // A pidfile may outlive its process and the pid be reused: only a Fabric process is ended.
        foreach (var pid in companions.OfType<int>())
        {
            if (ProcFileSystem.Read(pid) is { } process && string.Join(' ', process.Arguments).Contains("fabric", StringComparison.OrdinalIgnoreCase))
            {
                Signals.Kill(pid);
            }
        }
    }
}
