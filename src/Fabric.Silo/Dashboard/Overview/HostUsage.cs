using Fabric.Contracts.Hosts;
using Fabric.Contracts.Vms;

namespace Fabric.Silo.Dashboard.Overview;

/// <summary>What a host's VMs take of it, counted as placement counts: VMs not Stopped.</summary>
public sealed record HostUsage(int VCpus, int CpuCount, long MemoryMiB, long TotalMemoryMiB, int Assigned, int Running)
{
    public static HostUsage Of(HostInfo host, IReadOnlyList<VmInfo> vms)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(vms);
        var active = vms.Where(v => v.Host == host.Name && v.Desired != PowerState.Stopped);
        return new HostUsage(
            active.Sum(v => v.Hardware.VCpus),
            host.Capabilities?.CpuCount ?? 0,
            host.CommittedMemoryMiB,
            (host.Capabilities?.MemoryBytes ?? 0) / (1024 * 1024),
            host.AssignedVms.Count,
            host.RunningVms.Count);
    }
}
