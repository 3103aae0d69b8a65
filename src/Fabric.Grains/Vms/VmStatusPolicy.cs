using Fabric.Contracts.Hosts;
using Fabric.Contracts.Vms;

namespace Fabric.Grains.Vms;

/// <summary>Derives what a VM is observed to be from its host's last report and the host's liveness.</summary>
public static class VmStatusPolicy
{
    public static (VmStatus Status, string Detail) Evaluate(VmRecord record, VmObservation? observation, HostState? hostState)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Host is { } host && hostState is HostState.Unreachable)
        {
            return (VmStatus.Unknown, $"host '{host}' is unreachable; the VM's state is not known");
        }

        if (observation is null || observation.Epoch != record.Epoch)
        {
            return record.Desired == PowerState.Stopped
                ? (VmStatus.Stopped, record.Host is null ? "never started" : "stopped")
                : (VmStatus.Starting, $"waiting for host '{record.Host}' to report the VM");
        }

        return (observation.Status, observation.Detail);
    }
}
