using System.Net;
using Fabric.Contracts.Configuration;
using Microsoft.Extensions.Configuration;

namespace Fabric.Configuration;

/// <summary>Reads an IPv4 or IPv6 address setting from the <c>Fabric</c> section; loopback when unset.</summary>
public static class AddressSetting
{
    public static IPAddress Read(IConfigurationSection section, string key, string example)
    {
        var text = section[key];
        if (string.IsNullOrEmpty(text))
        {
            return IPAddress.Loopback;
        }

        return IPAddress.TryParse(text, out var address)
            ? address
            : throw new InvalidSettingException($"Fabric:{key}", $"'{text}' is not an IP address", $"Use an address of this machine, e.g. {example}, or leave it unset for 127.0.0.1.");
    }
}
