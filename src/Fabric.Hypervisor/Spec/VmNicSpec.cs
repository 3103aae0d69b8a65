namespace Fabric.Hypervisor;

/// <summary>A network adapter.</summary>
/// <param name="Id">Device id, unique within the VM.</param>
public sealed record VmNicSpec(string Id)
{
    /// <summary>Adapter model; <see cref="NicModel.Default"/> follows the device profile.</summary>
    public NicModel Model { get; init; } = NicModel.Default;

    /// <summary>MAC address <c>xx:xx:xx:xx:xx:xx</c>; derived from the VM and NIC ids when null.</summary>
    public string? MacAddress { get; init; }

    /// <summary>Host bridge to join through a tap device; null means QEMU user networking.</summary>
    public string? Bridge { get; init; }
}
