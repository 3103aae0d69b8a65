namespace Fabric.Hypervisor;

/// <summary>Maps <see cref="DiskFormat"/> to and from QEMU's driver names.</summary>
public static class DiskFormatNames
{
    public static string ToQemu(this DiskFormat format) => format switch
    {
        DiskFormat.Qcow2 => "qcow2",
        DiskFormat.Raw => "raw",
        DiskFormat.Vhdx => "vhdx",
        DiskFormat.Vpc => "vpc",
        _ => throw new HypervisorException(HypervisorErrorCode.InvalidSpec, $"Unknown disk format {(int)format}; use qcow2, raw, vhdx or vpc."),
    };

    /// <summary>Parses a user-supplied format name; accepts <c>vhd</c> as an alias of <c>vpc</c>.</summary>
    public static DiskFormat Parse(string name) => name?.Trim().ToLowerInvariant() switch
    {
        "qcow2" => DiskFormat.Qcow2,
        "raw" or "img" => DiskFormat.Raw,
        "vhdx" => DiskFormat.Vhdx,
        "vpc" or "vhd" => DiskFormat.Vpc,
        _ => throw new HypervisorException(HypervisorErrorCode.InvalidSpec,
            $"Unknown disk format '{name}'; use qcow2, raw, vhdx or vhd (vpc)."),
    };
}
