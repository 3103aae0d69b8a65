using System.Globalization;

namespace Fabric.Cli.Output;

/// <summary>Sizes and ages in the short forms operators read at a glance.</summary>
internal static class HumanUnits
{
    private static readonly string[] BinaryUnits = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

    /// <summary>E.g. <c>512 MiB</c>, <c>7.8 GiB</c>.</summary>
    public static string Bytes(long bytes)
    {
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < BinaryUnits.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        var format = unit == 0 || value >= 100 || value == Math.Floor(value) ? "0" : "0.0";
        return value.ToString(format, CultureInfo.InvariantCulture) + " " + BinaryUnits[unit];
    }

    /// <summary>How long ago <paramref name="then"/> was, e.g. <c>4s ago</c>, <c>3m ago</c>, <c>2h ago</c>, <c>5d ago</c>.</summary>
    public static string Age(DateTimeOffset then, DateTimeOffset now)
    {
        var age = now - then;
        if (age < TimeSpan.Zero)
        {
            // Clocks of the silo and this machine disagree slightly; a heartbeat "in the future" just happened.
            age = TimeSpan.Zero;
        }

        return age.TotalSeconds < 60 ? $"{(int)age.TotalSeconds}s ago"
            : age.TotalMinutes < 60 ? $"{(int)age.TotalMinutes}m ago"
            : age.TotalHours < 48 ? $"{(int)age.TotalHours}h ago"
            : $"{(int)age.TotalDays}d ago";
    }

    /// <summary>Cuts <paramref name="text"/> to <paramref name="maxLength"/> characters, marking the cut with an ellipsis.</summary>
    public static string Truncate(string text, int maxLength) =>
        text.Length <= maxLength ? text : text[..(maxLength - 1)].TrimEnd() + "…";
}
