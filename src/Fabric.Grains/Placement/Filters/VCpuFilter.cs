using Fabric.Contracts.Hosts;

namespace Fabric.Grains.Placement.Filters;

/// <summary>The host must have the VM's vCPUs free, by <see cref="HostCapacity"/> (CPUs × the allocation ratio).</summary>
public sealed class VCpuFilter(PlacementOptions options) : IHostFilter
{
    public string? Refuse(HostInfo host, PlacementRequest request)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(request);
        if (request.VCpus == 0)
        {
            return null;
        }

        var free = HostCapacity.FreeVCpus(host, options);
        return free >= request.VCpus
            ? null
            : $"{free} vCPUs free, {request.VCpus} needed ({host.Capabilities?.CpuCount ?? 0} CPUs × {options.CpuAllocationRatio:0.##} allocation ratio, {host.CommittedVCpus} committed)";
    }
}
