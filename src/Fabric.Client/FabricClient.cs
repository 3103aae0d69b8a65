using Fabric.Client.Disks;
using Fabric.Client.Hosts;
using Fabric.Client.Images;
using Fabric.Client.Operations;
using Fabric.Client.Vms;

namespace Fabric.Client;

/// <summary>
/// Typed access to a Fabric cluster for trusted programs inside it, over an Orleans
/// <see cref="IClusterClient"/> (or a silo's <see cref="IGrainFactory"/>). Programs outside the
/// cluster use the REST API or the <c>fabric</c> CLI instead.
/// </summary>
public sealed class FabricClient(IGrainFactory grains, TimeProvider? time = null)
{
    public HostsClient Hosts { get; } = new(grains);

    public VmsClient Vms { get; } = new(grains);

    public DisksClient Disks { get; } = new(grains);

    public ImagesClient Images { get; } = new(grains);

    public OperationsClient Operations { get; } = new(grains, time ?? TimeProvider.System);
}
