using System.Runtime.InteropServices;

namespace Fabric.Chaos.Faults;

/// <summary>The signals faults are made of: SIGKILL (a crash), SIGSTOP (a hang or a freeze), SIGCONT (the end of one).</summary>
public static partial class Signals
{
    private const int SigKill = 9;
    private const int SigTerm = 15;
    private const int SigCont = 18;
    private const int SigStop = 19;

    /// <summary>SIGKILL; a process already gone is not an error.</summary>
    public static void Kill(int pid) => _ = SendSignal(pid, SigKill);

    public static void Terminate(int pid) => _ = SendSignal(pid, SigTerm);

    public static void Stop(int pid) => _ = SendSignal(pid, SigStop);

    public static void Continue(int pid) => _ = SendSignal(pid, SigCont);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
