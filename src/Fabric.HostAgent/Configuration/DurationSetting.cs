using System.Globalization;
using Fabric.Contracts.Configuration;

namespace Fabric.HostAgent.Configuration;

/// <summary>Reads a duration setting (hh:mm:ss) within bounds, or its default when unset.</summary>
public static class DurationSetting
{
    public static TimeSpan Read(string? text, string setting, TimeSpan defaultValue, TimeSpan min, TimeSpan max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return defaultValue;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new InvalidSettingException(setting, $"'{text}' is not a duration between {Format(min)} and {Format(max)}",
                $"Use hh:mm:ss, e.g. {Format(defaultValue)}.");
    }

    private static string Format(TimeSpan value) => value.ToString(value.Milliseconds == 0 ? @"hh\:mm\:ss" : @"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);
}
