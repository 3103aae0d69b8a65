namespace Fabric.Hypervisor;

/// <summary>A new disk image.</summary>
/// <param name="Path">Absolute path inside a storage pool; must not exist yet.</param>
/// <param name="Format">Image format.</param>
/// <param name="SizeBytes">Virtual size; more than zero and no more than the pool's free space.</param>
public sealed record DiskCreateRequest(string Path, DiskFormat Format, long SizeBytes)
{
    /// <summary>Fixed (fully allocated) VHD/VHDX, as Hyper-V's "fixed size" disks; ignored for qcow2 and raw.</summary>
    public bool Fixed { get; init; }
}
