namespace Fabric.Chaos.Watching;

/// <summary>A moment at which one VM had more than one live QEMU process: the invariant Fabric must never break.</summary>
/// <param name="VmName">The VM.</param>
/// <param name="At">The sample that showed it.</param>
/// <param name="Processes">The processes, each as "pid@host (state)".</param>
public sealed record DoubleRun(string VmName, DateTimeOffset At, IReadOnlyList<string> Processes)
{
    public override string ToString() => $"{VmName} at {At:HH:mm:ss.fff}: {string.Join(", ", Processes)}";
}
