namespace Fabric.Grains.Network;

/// <summary>Stored state of one MAC address: the VM that holds it.</summary>
public sealed class MacAddressRecord
{
    public string? Holder { get; set; }
}
