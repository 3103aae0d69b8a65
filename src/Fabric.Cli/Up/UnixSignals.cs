using System.Runtime.InteropServices;

namespace Fabric.Cli.Up;

/// <summary>Sends SIGTERM, which .NET's Process cannot (Kill is SIGKILL): children deserve a chance to shut down cleanly.</summary>
internal static partial class UnixSignals
{
    private const int SigTerm = 15;
    private const int SigKill = 9;

    /// <summary>Returns false when the process is already gone.</summary>
    public static bool Terminate(int pid) => Kill(pid, SigTerm) == 0;

    /// <summary>SIGKILL to a process that is not our child; returns false when it is already gone.</summary>
    public static bool KillNow(int pid) => Kill(pid, SigKill) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Kill(int pid, int signal);
}
