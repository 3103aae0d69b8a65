namespace Fabric.Contracts.Vms;

/// <summary>A VM network adapter.</summary>
/// <param name="Id">Adapter id within the VM: <c>net0</c>, <c>net1</c>, …</param>
/// <param name="Network"><c>user</c> (NAT through the host) or the name of a host bridge.</param>
/// <param name="Model">Adapter model.</param>
/// <param name="Mac">MAC address, unique cluster-wide.</param>
[GenerateSerializer, Immutable, Alias("fabric.VmNic")]
public sealed record VmNic(
    [property: Id(0)] string Id,
    [property: Id(1)] string Network,
    [property: Id(2)] NicModel Model,
    [property: Id(3)] string Mac);
