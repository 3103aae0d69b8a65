using System.Runtime.InteropServices;

namespace Fabric.HostAgent.Fencing;

/// <summary>The few POSIX calls fencing needs that .NET does not offer: SIGKILL by pid, a new session, redirected stdio.</summary>
public static partial class PosixProcesses
{
    private const int SigKill = 9;

    /// <summary>Sends SIGKILL; false when the process is already gone.</summary>
    public static bool Kill(int pid) => KillNative(pid, SigKill) == 0;

    /// <summary>Leaves the caller's session and process group, so signals to the agent's group never reach it.</summary>
    public static void NewSession() => _ = SetSid();

    /// <summary>Points <paramref name="target"/> (0, 1 or 2) at <paramref name="file"/>'s descriptor.</summary>
    public static void Redirect(SafeHandle file, int target)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (Dup2((int)file.DangerousGetHandle(), target) < 0)
        {
            throw new IOException($"dup2 onto descriptor {target} failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int KillNative(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "setsid", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int SetSid();

    [LibraryImport("libc", EntryPoint = "dup2", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Dup2(int oldFd, int newFd);
}
