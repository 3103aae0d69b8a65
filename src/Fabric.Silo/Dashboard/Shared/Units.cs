using System.Globalization;
using Fabric.Contracts.Validation;

namespace Fabric.Silo.Dashboard.Shared;

/// <summary>How the dashboard writes sizes, times and percentages.</summary>
public static class Units
{
    public static string Bytes(long bytes) => Sizes.Describe(bytes);

    public static string MiB(long mebibytes) => Sizes.Describe(mebibytes * 1024 * 1024);

    public static string Percent(double part, double whole) =>
        whole <= 0 ? "—" : (part / whole).ToString("P0", CultureInfo.InvariantCulture);

    public static double Ratio(double part, double whole) => whole <= 0 ? 0 : Math.Clamp(part / whole * 100, 0, 100);

    public static string Ago(DateTimeOffset? at, DateTimeOffset now) => at switch
    {
        null => "never",
        { } t when now - t < TimeSpan.FromSeconds(1) => "just now",
        { } t when now - t < TimeSpan.FromMinutes(2) => $"{(int)(now - t).TotalSeconds} s ago",
        { } t when now - t < TimeSpan.FromHours(2) => $"{(int)(now - t).TotalMinutes} min ago",
        { } t => t.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
    };

    public static string Time(DateTimeOffset at) => at.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
