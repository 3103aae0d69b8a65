using Fabric.Contracts.Hosts;

namespace Fabric.Grains.Placement.Filters;

/// <summary>Only Ready hosts take VMs: not one that is unreachable, fenced, draining or in maintenance.</summary>
public sealed class HostStateFilter : IHostFilter
{
    public string? Refuse(HostInfo host, PlacementRequest request)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.State == HostState.Ready ? null : $"{host.State} ({host.StateReason})";
    }
}
