namespace Fabric.Grains.Disks;

/// <summary>Where images live inside a pool: disks under <c>disks/</c>, library images under <c>images/</c>.</summary>
public static class DiskPaths
{
    public static string ForDisk(string name, string format) => $"disks/{name}.{Extension(format)}";

    public static string ForImage(string name, string format) =>
        name.EndsWith($".{Extension(format)}", StringComparison.Ordinal) ? $"images/{name}" : $"images/{name}.{Extension(format)}";

    /// <summary>File extension operators expect: a Hyper-V VHD is <c>.vhd</c> although QEMU calls the format <c>vpc</c>.</summary>
    public static string Extension(string format) => format switch
    {
        "vpc" => "vhd",
        "raw" => "img",
        _ => format,
    };
}
