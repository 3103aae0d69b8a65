using Fabric.Contracts.Hosts;

namespace Fabric.Grains.Placement.Filters;

/// <summary>One placement rule a host must pass. Filters run in order; the first that refuses gives the host's reason.</summary>
public interface IHostFilter
{
    /// <summary>Null when <paramref name="host"/> may take <paramref name="request"/>; otherwise why not, in words an operator acts on (without the host's name).</summary>
    string? Refuse(HostInfo host, PlacementRequest request);
}
