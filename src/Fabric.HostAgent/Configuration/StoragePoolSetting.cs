using Fabric.Contracts.Configuration;
using Microsoft.Extensions.Configuration;

namespace Fabric.HostAgent.Configuration;

/// <summary>
/// Reads <c>Fabric:StoragePools:&lt;name&gt;=&lt;absolute folder&gt;</c>. Without any, the host gets one
/// pool named <c>local</c> under the data folder, as Proxmox's <c>local</c> storage.
/// </summary>
public static class StoragePoolSetting
{
    public static IReadOnlyDictionary<string, string> Read(IConfigurationSection section, string dataDirectory)
    {
        var pools = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var pool in section.GetChildren())
        {
            if (string.IsNullOrEmpty(pool.Value) || !Path.IsPathFullyQualified(pool.Value))
            {
                throw new InvalidSettingException($"Fabric:StoragePools:{pool.Key}", $"'{pool.Value}' is not an absolute folder path",
                    "Give each pool an absolute path, e.g. --Fabric:StoragePools:local=/var/lib/fabric/pools/local.");
            }

            pools[pool.Key] = DataDirectorySetting.Prepare(pool.Value, $"Fabric:StoragePools:{pool.Key}");
        }

        if (pools.Count == 0)
        {
            pools["local"] = DataDirectorySetting.Prepare(Path.Combine(dataDirectory, "pools", "local"));
        }

        return pools;
    }
}
