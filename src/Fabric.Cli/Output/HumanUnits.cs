using System.Globalization;

namespace Fabric.Cli.Output;

/// <summary>Ages and truncation in the short forms operators read at a glance (sizes: <see cref="Fabric.Contracts.Validation.Sizes.Describe"/>).</summary>
internal static class HumanUnits
{
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
