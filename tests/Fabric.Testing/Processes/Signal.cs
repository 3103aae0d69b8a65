using System.Runtime.InteropServices;

namespace Fabric.Testing.Processes;

/// <summary>Sends POSIX signals; .NET's Process only kills.</summary>
public static partial class Signal
{
    private const int SigTerm = 15;
    private const int SigInt = 2;

    public static void Terminate(int pid) => _ = Kill(pid, SigTerm);

    public static void Interrupt(int pid) => _ = Kill(pid, SigInt);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
