using Fabric.Contracts.Hosts;

namespace Fabric.Grains.Placement.Filters;

/// <summary>The host must see every pool the VM's disks and ISO are in.</summary>
public sealed class StoragePoolFilter : IHostFilter
{
    public string? Refuse(HostInfo host, PlacementRequest request)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(request);
        var missing = request.Pools.Except(host.Capabilities?.StoragePools.Select(p => p.Name) ?? [], StringComparer.Ordinal).ToList();
        return missing.Count == 0 ? null : $"has no storage pool {string.Join(", ", missing)}";
    }
}
