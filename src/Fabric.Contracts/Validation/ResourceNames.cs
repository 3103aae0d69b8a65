using System.Text.RegularExpressions;

namespace Fabric.Contracts.Validation;

/// <summary>
/// Names of VMs, disks and images. VM and disk names are DNS labels, because they become guest
/// host names and file names; image names may also hold dots and underscores (<c>debian-12.iso</c>).
/// Nothing else passes, so a name can never carry a path, a shell word or a QEMU option.
/// </summary>
public static partial class ResourceNames
{
    public const int MaxLabelLength = 63;
    public const int MaxImageNameLength = 100;

    /// <summary>Null when <paramref name="name"/> is a valid VM or disk name, else why not.</summary>
    public static string? ValidateLabel(string? name, string what)
    {
        if (string.IsNullOrEmpty(name))
        {
            return $"{what} name is empty";
        }

        if (name.Length > MaxLabelLength)
        {
            return $"{what} name is {name.Length} characters long; at most {MaxLabelLength} are allowed";
        }

        return Label().IsMatch(name)
            ? null
            : $"{what} name '{Printable(name)}' is not a DNS label: use lowercase letters, digits and '-', not starting or ending with '-'";
    }

    /// <summary>Null when <paramref name="name"/> is a valid image name, else why not.</summary>
    public static string? ValidateImageName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "image name is empty";
        }

        if (name.Length > MaxImageNameLength)
        {
            return $"image name is {name.Length} characters long; at most {MaxImageNameLength} are allowed";
        }

        return ImageName().IsMatch(name) && !name.Contains("..", StringComparison.Ordinal)
            ? null
            : $"image name '{Printable(name)}' may hold only lowercase letters, digits, '-', '_' and '.', starting with a letter or digit";
    }

    internal static string Printable(string value) =>
        new([.. value.Take(64).Select(c => char.IsControl(c) ? '?' : c)]);

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex Label();

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex ImageName();
}
