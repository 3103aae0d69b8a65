namespace Fabric.Hypervisor;

/// <summary>One disk image attached to a VM.</summary>
/// <param name="Id">Device id, unique within the VM (a letter, then letters, digits, '-', '_').</param>
/// <param name="Path">Absolute path of the image, inside a storage pool.</param>
/// <param name="Format">Image format; always passed to QEMU because a fixed VHD probes as raw.</param>
public sealed record VmDiskSpec(string Id, string Path, DiskFormat Format)
{
    /// <summary>Controller; <see cref="DiskBus.Default"/> follows the device profile.</summary>
    public DiskBus Bus { get; init; } = DiskBus.Default;

    /// <summary>Attach read-only.</summary>
    public bool ReadOnly { get; init; }
}
