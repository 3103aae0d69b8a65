namespace Fabric.Contracts.Vms;

/// <summary>Network adapter model.</summary>
public enum NicModel
{
    /// <summary>Follows the profile: virtio-net when Paravirtual, e1000 when Emulated.</summary>
    Default,
    Virtio,
    E1000,
}
