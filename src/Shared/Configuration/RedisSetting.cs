using Fabric.Contracts.Configuration;
using StackExchange.Redis;

namespace Fabric.Configuration;

/// <summary>Parses a Redis connection string setting into StackExchange.Redis options, or explains why not.</summary>
public static class RedisSetting
{
    public static ConfigurationOptions Parse(string? text, string setting)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidSettingException(setting, "no Redis connection string is set",
                "Set it to host:port (e.g. 127.0.0.1:6379), or run with --in-memory for a throwaway cluster.");
        }

        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(text);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidSettingException(setting, $"'{Redact(text)}' is not a Redis connection string ({ex.Message})",
                "Use host:port[,option=value…], e.g. 127.0.0.1:6379,password=secret.");
        }

        if (options.EndPoints.Count == 0)
        {
            throw new InvalidSettingException(setting, $"'{Redact(text)}' names no Redis server",
                "Use host:port, e.g. 127.0.0.1:6379.");
        }

        // Keep retrying in the background instead of failing start-up on a Redis blip.
        options.AbortOnConnectFail = false;
        return options;
    }

    /// <summary>
    /// The connection string with any password (and user name) replaced, fit for messages and logs.
    /// StackExchange.Redis trims keys and values, so "password = x" is a password too.
    /// </summary>
    public static string Redact(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"(?<=^|,)(\s*(?:password|user)\s*=)[^,]*", "$1***", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
}
