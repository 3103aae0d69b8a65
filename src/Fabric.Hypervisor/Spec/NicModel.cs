namespace Fabric.Hypervisor;

/// <summary>Network adapter model.</summary>
public enum NicModel
{
    /// <summary>virtio-net for Paravirtual, e1000 for Emulated.</summary>
    Default,
    VirtioNet,
    E1000,
}
