namespace Fabric.Chaos.Watching;

/// <summary>One process as the process table shows it.</summary>
/// <param name="Pid">Its pid.</param>
/// <param name="StartTime">Clock ticks after boot when it started; with the pid, tells a reused pid apart.</param>
/// <param name="State">The kernel's state letter: R, S, D, T (stopped), t, Z (zombie), X (dead).</param>
/// <param name="Arguments">Its argv.</param>
/// <param name="NetworkNamespace">The link target of <c>/proc/PID/ns/net</c>, e.g. <c>net:[4026532281]</c>, or null if unreadable.</param>
public sealed record ProcessEntry(int Pid, long StartTime, char State, IReadOnlyList<string> Arguments, string? NetworkNamespace)
{
    /// <summary>
    /// A process that exists and may run again. A stopped process (SIGSTOP, a frozen host) counts:
    /// SIGCONT resumes it where it was, writes included. Only a zombie or a dead one does not.
    /// </summary>
    public bool IsLive => State is not ('Z' or 'X');
}
