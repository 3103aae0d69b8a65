using System.Runtime.InteropServices;

namespace Fabric.Testing.Processes;

/// <summary>Sends POSIX signals; .NET's Process only kills.</summary>
public static partial class Signal
{
    private const int SigTerm = 15;
    private const int SigInt = 2;

    public static void Terminate(int pid) => _ = Kill(pid, SigTerm);

    public static void Interrupt(int pid) => _ = Kill(pid, SigInt);

    /// <summary>
    /// True when this process ignores SIGINT, as every command a shell starts in the background
    /// does; its children inherit that and .NET keeps it, so a Ctrl-C sent to them is lost.
    /// </summary>
    public static bool InterruptIgnoredHere()
    {
        var ignored = File.ReadLines("/proc/self/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal))["SigIgn:".Length..].Trim();
        return (Convert.ToUInt64(ignored, 16) & (1UL << (SigInt - 1))) != 0;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
