using Fabric.Contracts.Hosts;
using Fabric.Contracts.Validation;

namespace Fabric.Client.Hosts;

/// <summary>Reads the cluster's hosts.</summary>
public sealed class HostsClient(IGrainFactory grains)
{
    /// <summary>Every registered host, ordered by name, with its live state.</summary>
    public async Task<IReadOnlyList<HostInfo>> ListAsync() =>
        await grains.GetGrain<IHostInventoryGrain>(IHostInventoryGrain.Key).List();

    /// <summary>One host, or <c>null</c> when no host of that name is registered.</summary>
    public Task<HostInfo?> GetAsync(string name)
    {
        HostNames.ThrowIfInvalid(name);
        return grains.GetGrain<IHostGrain>(name).GetInfo();
    }

    /// <summary>Puts a host in or out of maintenance (it then takes no new VMs).</summary>
    public Task<HostInfo> SetMaintenanceAsync(string name, bool enabled)
    {
        HostNames.ThrowIfInvalid(name);
        return grains.GetGrain<IHostGrain>(name).SetMaintenance(enabled);
    }
}
