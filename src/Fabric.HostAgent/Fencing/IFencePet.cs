namespace Fabric.HostAgent.Fencing;

/// <summary>Pets the host's fence companion after a renewal: kill these VMs unless petted again before the deadline.</summary>
public interface IFencePet
{
    /// <param name="deadlineNs">When the lease runs out, CLOCK_MONOTONIC nanoseconds (see <see cref="MonotonicClock"/>).</param>
    /// <param name="vms">The HA VMs; those without a known process are the agent's own to kill.</param>
    void Pet(long deadlineNs, IReadOnlyList<HaVm> vms);

    /// <summary>The agent fenced itself: its HA VMs are dead, nothing is left to guard until the next lease.</summary>
    void Fenced();
}
