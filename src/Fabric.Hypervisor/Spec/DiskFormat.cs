namespace Fabric.Hypervisor;

/// <summary>Disk image formats qemu-img and QEMU are asked to handle.</summary>
public enum DiskFormat
{
    Qcow2,
    Raw,

    /// <summary>Hyper-V VHDX.</summary>
    Vhdx,

    /// <summary>Hyper-V / Virtual PC VHD (QEMU calls it <c>vpc</c>).</summary>
    Vpc,
}
