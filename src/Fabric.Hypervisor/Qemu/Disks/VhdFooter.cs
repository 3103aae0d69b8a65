using System.Buffers.Binary;

namespace Fabric.Hypervisor.Qemu.Disks;

/// <summary>
/// Reads the VHD footer's disk type. qemu-img info does not report fixed vs dynamic for vpc,
/// and a grow must keep it (Hyper-V treats the two differently).
/// </summary>
internal static class VhdFooter
{
    private const int FooterSize = 512;
    private const int DiskTypeOffset = 60;
    private const uint FixedDiskType = 2;

    public static bool IsFixed(string path)
    {
        using var file = File.OpenRead(path);
        if (file.Length < FooterSize)
        {
            return false;
        }

        Span<byte> footer = stackalloc byte[FooterSize];
        file.Seek(-FooterSize, SeekOrigin.End);
        file.ReadExactly(footer);
        return footer[..8].SequenceEqual("conectix"u8) && BinaryPrimitives.ReadUInt32BigEndian(footer[DiskTypeOffset..]) == FixedDiskType;
    }
}
