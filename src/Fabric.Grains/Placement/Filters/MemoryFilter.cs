using Fabric.Contracts.Hosts;

namespace Fabric.Grains.Placement.Filters;

/// <summary>The host must have the VM's memory free, by <see cref="HostCapacity"/>.</summary>
public sealed class MemoryFilter(PlacementOptions options) : IHostFilter
{
    public string? Refuse(HostInfo host, PlacementRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var free = HostCapacity.FreeMemoryMiB(host, options);
        return free >= request.MemoryMiB ? null : $"{free} MiB free, {request.MemoryMiB} MiB needed";
    }
}
