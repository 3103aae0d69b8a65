namespace Fabric.Chaos.Trials;

/// <summary>What one trial measured and which invariants it broke. Times are seconds from the fault.</summary>
/// <param name="Fault">The fault's name.</param>
/// <param name="Driver">qemu or simulated.</param>
/// <param name="Host">The faulted host (control-plane faults: the silo or "redis").</param>
/// <param name="Vms">The HA VMs that were on the faulted host.</param>
/// <param name="DetectSeconds">Until REST showed the host Fenced (its FencedAt when given), or null if it never did.</param>
/// <param name="RestartSeconds">Per VM: until its QEMU was live on another host (simulated: until REST showed it Running elsewhere).</param>
/// <param name="AgentSeconds">Per VM: until its guest agent answered there (qemu only).</param>
/// <param name="DoubleRuns">Every double run the watcher saw from the fault until the cluster was whole again.</param>
/// <param name="LostVms">HA VMs not running again within the deadline.</param>
/// <param name="FalseFailovers">Hosts declared dead that were not faulted (for control-plane faults: any host).</param>
/// <param name="DisturbedVms">VMs not on the faulted host whose QEMU process changed (or whose host changed).</param>
/// <param name="Notes">What else was seen: QMP states, API errors, how the host came back.</param>
public sealed record TrialResult(
    string Fault,
    string Driver,
    string Host,
    IReadOnlyList<string> Vms,
    double? DetectSeconds,
    IReadOnlyList<double> RestartSeconds,
    IReadOnlyList<double> AgentSeconds,
    IReadOnlyList<string> DoubleRuns,
    IReadOnlyList<string> LostVms,
    IReadOnlyList<string> FalseFailovers,
    IReadOnlyList<string> DisturbedVms,
    IReadOnlyList<string> Notes)
{
    public bool Clean => DoubleRuns.Count == 0 && LostVms.Count == 0 && FalseFailovers.Count == 0 && DisturbedVms.Count == 0;

    public override string ToString() =>
        $"{Fault} on {Host} ({Driver}): vms [{string.Join(", ", Vms)}] detect {Seconds(DetectSeconds)} restart [{string.Join(", ", RestartSeconds.Select(s => Seconds(s)))}] " +
        $"agent [{string.Join(", ", AgentSeconds.Select(s => Seconds(s)))}] doubles {DoubleRuns.Count} lost {LostVms.Count} false {FalseFailovers.Count} disturbed {DisturbedVms.Count}" +
        (Notes.Count == 0 ? "" : $"; {string.Join("; ", Notes)}") +
        (Clean ? "" : $"\n  doubles: {string.Join(" | ", DoubleRuns)}\n  lost: {string.Join(", ", LostVms)}\n  false: {string.Join(", ", FalseFailovers)}\n  disturbed: {string.Join(", ", DisturbedVms)}");

    private static string Seconds(double? value) => value is { } v ? v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s" : "never";
}
