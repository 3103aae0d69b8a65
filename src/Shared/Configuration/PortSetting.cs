using Fabric.Contracts.Configuration;
using Microsoft.Extensions.Configuration;

namespace Fabric.Configuration;

/// <summary>Reads a TCP port setting from the <c>Fabric</c> section.</summary>
public static class PortSetting
{
    public static int Read(IConfigurationSection section, string key, int fallback)
    {
        var text = section[key];
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        return int.TryParse(text, out var port) && port is > 0 and < 65536
            ? port
            : throw new InvalidSettingException($"Fabric:{key}", $"'{text}' is not a TCP port", "Use a number from 1 to 65535.");
    }
}
