using Fabric.Contracts.Disks;
using Fabric.Contracts.Images;
using Fabric.Contracts.Validation;
using Fabric.Grains.Disks;

namespace Fabric.Silo.Api;

/// <summary>What an upload's query string asks for, checked: the image's name, kind, format, pool and file name.</summary>
internal sealed record ImageUploadPlan(string Name, ImageKind Kind, string Format, string? Pool, string RelativePath)
{
    private static readonly Dictionary<string, string> FormatsByExtension = new(StringComparer.Ordinal)
    {
        [".qcow2"] = "qcow2",
        [".img"] = "raw",
        [".raw"] = "raw",
        [".vhd"] = "vpc",
        [".vhdx"] = "vhdx",
    };

    /// <summary>Checks everything at once; <paramref name="kind"/> defaults from the name (<c>.iso</c> → iso, else disk).</summary>
    public static ImageUploadPlan Parse(string? name, string? kind, string? format, string? pool)
    {
        var problems = new ProblemCollector();
        problems.Check("name", ResourceNames.ValidateImageName(name));
        problems.Check("pool", pool is null ? null : ResourceNames.ValidateLabel(pool, "pool"));
        ImageKind? parsedKind = kind?.ToLowerInvariant() switch
        {
            null or "" => name?.EndsWith(".iso", StringComparison.Ordinal) == true ? ImageKind.Iso : ImageKind.Disk,
            "iso" => ImageKind.Iso,
            "disk" => ImageKind.Disk,
            _ => null,
        };
        problems.Check("kind", parsedKind is null ? $"unknown kind '{kind}'; use iso or disk" : null);

        string? parsedFormat = null;
        if (parsedKind == ImageKind.Iso)
        {
            parsedFormat = "raw";
            problems.Check("format", format is null or "" or "raw" or "iso" ? null : $"an ISO has no format '{format}'; leave format out");
        }
        else if (parsedKind == ImageKind.Disk)
        {
            parsedFormat = string.IsNullOrEmpty(format)
                ? FormatsByExtension.GetValueOrDefault(Path.GetExtension(name ?? ""))
                : DiskRules.NormalizeFormat(format);
            problems.Check("format", parsedFormat is not null ? null
                : string.IsNullOrEmpty(format) ? "cannot tell the disk format from the name; pass format=qcow2, raw, vhdx or vhd"
                : DiskRules.ValidateFormat(format));
        }

        problems.ThrowIfAny();
        var relative = parsedKind == ImageKind.Iso
            ? $"images/{(name!.EndsWith(".iso", StringComparison.Ordinal) ? name : name + ".iso")}"
            : DiskPaths.ForImage(name!, parsedFormat!);
        return new ImageUploadPlan(name!, parsedKind!.Value, parsedFormat!, pool, relative);
    }
}
