using Fabric.Client.Hosts;

namespace Fabric.Client;

/// <summary>
/// Typed access to a Fabric cluster for trusted programs inside it, over an Orleans
/// <see cref="IClusterClient"/> (or a silo's <see cref="IGrainFactory"/>). Programs outside the
/// cluster use the REST API or the <c>fabric</c> CLI instead.
/// </summary>
public sealed class FabricClient(IGrainFactory grains)
{
    public HostsClient Hosts { get; } = new(grains);
}
