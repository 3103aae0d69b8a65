using Fabric.Contracts.Hosts;

namespace Fabric.Grains.Placement.Weighers;

/// <summary>Ranks the hosts that passed every filter: the highest weight is tried first.</summary>
public interface IHostWeigher
{
    double Weigh(HostInfo host, PlacementRequest request);
}
