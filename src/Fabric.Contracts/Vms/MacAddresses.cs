using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Fabric.Contracts.Vms;

/// <summary>MAC addresses for VM NICs: QEMU's 52:54:00 prefix plus three bytes.</summary>
public static partial class MacAddresses
{
    /// <summary>
    /// The MAC a VM's NIC gets unless one is given: derived from the VM and NIC names, so it needs no
    /// allocator; <paramref name="attempt"/> picks another when the address grain says it is taken.
    /// </summary>
    public static string Derive(string vm, string nicId, int attempt)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{vm}/{nicId}/{attempt}"), hash);
        return $"52:54:00:{hash[0]:x2}:{hash[1]:x2}:{hash[2]:x2}";
    }

    /// <summary>Null when <paramref name="mac"/> is a usable unicast MAC (<c>xx:xx:xx:xx:xx:xx</c>), else why not.</summary>
    public static string? Validate(string mac)
    {
        ArgumentNullException.ThrowIfNull(mac);
        if (!Format().IsMatch(mac))
        {
            return $"'{Validation.ResourceNames.Printable(mac)}' is not a MAC address; use six hex pairs separated by ':', e.g. 52:54:00:12:34:56";
        }

        return (Convert.ToByte(mac[..2], 16) & 1) == 1 ? $"{mac} is a multicast address; a NIC needs a unicast one" : null;
    }

    /// <summary>Lower-case form used for uniqueness checks.</summary>
    public static string Normalize(string mac) => mac.ToLowerInvariant();

    [GeneratedRegex("^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$")]
    private static partial Regex Format();
}
