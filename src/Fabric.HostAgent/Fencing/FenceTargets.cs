using Fabric.HostAgent.Reconcile;

namespace Fabric.HostAgent.Fencing;

/// <summary>
/// The HA VMs this host must kill if it loses its lease. Once the reconciler has applied assignments
/// it knows them; until then (just after a start or a fence) they are the processes the previous
/// agent process listed in its last pet and that still run, so a restarted agent protects them from its first renewal.
/// </summary>
public sealed class FenceTargets(VmReconciler reconciler, IReadOnlyList<FencedProcess> inherited)
{
    public IReadOnlyList<HaVm> Current() => reconciler.HasApplied
        ? reconciler.HaVms()
        : [.. inherited.Where(p => ProcessStartTime.Matches(p.Pid, p.StartTime)).Select(p => new HaVm(p.Vm, p))];
}
