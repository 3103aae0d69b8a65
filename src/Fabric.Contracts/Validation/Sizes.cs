using System.Globalization;

namespace Fabric.Contracts.Validation;

/// <summary>Byte sizes as people write them: <c>512M</c>, <c>2G</c>, <c>1.5T</c> (binary units), and back.</summary>
public static class Sizes
{
    private static readonly string[] Units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

    /// <summary>E.g. <c>512 MiB</c>, <c>7.8 GiB</c>: one decimal below 100 when it is not whole.</summary>
    public static string Describe(long bytes)
    {
        double value = bytes;
        var unit = 0;
        while (Math.Abs(value) >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        var format = unit == 0 || Math.Abs(value) >= 100 || value == Math.Floor(value) ? "0" : "0.0";
        return value.ToString(format, CultureInfo.InvariantCulture) + " " + Units[unit];
    }

    /// <summary>Parses <c>2G</c>, <c>512M</c>, <c>1024K</c>, <c>2GiB</c>, <c>1073741824</c>; null when it is not a size.</summary>
    public static long? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim().ToUpperInvariant().Replace("IB", "", StringComparison.Ordinal).TrimEnd('B');
        var shift = t.Length == 0 ? 0 : t[^1] switch { 'K' => 10, 'M' => 20, 'G' => 30, 'T' => 40, 'P' => 50, _ => 0 };
        var number = shift == 0 ? t : t[..^1];
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value < 0)
        {
            return null;
        }

        // Compared before multiplying: the product of a long number and a large unit overflows even decimal.
        var unit = 1L << shift;
        return value > long.MaxValue / unit ? null : (long)decimal.Ceiling(value * unit);
    }
}
