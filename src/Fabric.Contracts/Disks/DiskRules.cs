using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;

namespace Fabric.Contracts.Disks;

/// <summary>Checks on disk requests that need no cluster lookups.</summary>
public static class DiskRules
{
    public static readonly string[] Formats = ["qcow2", "raw", "vhdx", "vpc"];

    /// <summary>The canonical format name (<c>vhd</c> is <c>vpc</c>), or null when unknown.</summary>
    public static string? NormalizeFormat(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "qcow2" => "qcow2",
        "raw" or "img" => "raw",
        "vhdx" => "vhdx",
        "vhd" or "vpc" => "vpc",
        _ => null,
    };

    public static string? ValidateFormat(string? format) =>
        NormalizeFormat(format) is null ? $"unknown disk format '{format}'; use qcow2, raw, vhdx or vhd" : null;

    public static string? ValidateSize(long? sizeBytes) => sizeBytes switch
    {
        null => "no size given",
        < Limits.MinDiskBytes => $"{sizeBytes} bytes is too small; a disk is at least 1 MiB",
        > Limits.MaxDiskBytes => $"{sizeBytes} bytes is more than the {Limits.MaxDiskBytes >> 40} TiB limit",
        _ => null,
    };

    /// <summary>Problems with one disk of a VM creation request; fields are relative to the disk.</summary>
    public static IEnumerable<ValidationProblem> ValidateVmDisk(CreateVmDisk disk, DeviceProfile profile)
    {
        ArgumentNullException.ThrowIfNull(disk);
        var sources = new[] { disk.SizeBytes is not null, disk.Existing is not null, disk.Import is not null }.Count(s => s);
        if (sources != 1)
        {
            yield return new ValidationProblem("source", "give exactly one of a size (new disk), an existing disk, or an image to import");
        }

        if (disk.SizeBytes is not null && ValidateSize(disk.SizeBytes) is { } size)
        {
            yield return new ValidationProblem("sizeBytes", size);
        }

        if (disk.Existing is not null && ResourceNames.ValidateLabel(disk.Existing, "disk") is { } existing)
        {
            yield return new ValidationProblem("existing", existing);
        }

        if (disk.Import is not null && ResourceNames.ValidateImageName(disk.Import) is { } import)
        {
            yield return new ValidationProblem("import", import);
        }

        if (ValidateFormat(disk.Format) is { } format)
        {
            yield return new ValidationProblem("format", format);
        }

        if (disk.Pool is not null && ResourceNames.ValidateLabel(disk.Pool, "pool") is { } pool)
        {
            yield return new ValidationProblem("pool", pool);
        }

        if (EnumValues.Validate(disk.Bus, "disk bus") is { } bus)
        {
            yield return new ValidationProblem("bus", bus);
        }
        else if (profile == DeviceProfile.Emulated && disk.Bus is DiskBus.Virtio or DiskBus.Scsi)
        {
            yield return new ValidationProblem("bus", "virtio and SCSI disks need the paravirtual profile; use ide or the default bus");
        }
    }
}
