using Fabric.Contracts.Hosts;

namespace Fabric.Grains.Placement.Weighers;

/// <summary>By free memory: most first to spread, least first to pack (<see cref="PlacementOptions.Strategy"/>).</summary>
public sealed class FreeMemoryWeigher(PlacementOptions options) : IHostWeigher
{
    public double Weigh(HostInfo host, PlacementRequest request)
    {
        var free = HostCapacity.FreeMemoryMiB(host, options);
        return options.Strategy == PlacementGoal.Pack ? -free : free;
    }
}
