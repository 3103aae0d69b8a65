using Orleans.Concurrency;

namespace Fabric.Contracts.Vms;

/// <summary>Index of VM names (Orleans has no queries); one instance, key <see cref="Key"/>.</summary>
[Alias("fabric.IVmCatalogGrain")]
public interface IVmCatalogGrain : IGrainWithStringKey
{
    const string Key = "all";

    [Alias("Add")]
    Task Add(string vm);

    [Alias("Remove")]
    Task Remove(string vm);

    /// <summary>Every VM with its live state, in name order.</summary>
    [Alias("List"), AlwaysInterleave]
    Task<IReadOnlyList<VmInfo>> List();

    /// <summary>Reserves MAC addresses for a VM; returns those already held by another VM (and reserves none then).</summary>
    [Alias("ReserveMacs")]
    Task<IReadOnlyList<string>> ReserveMacs(string vm, IReadOnlyList<string> macs);

    /// <summary>Releases every MAC address the VM holds except <paramref name="keep"/>.</summary>
    [Alias("ReleaseMacs")]
    Task ReleaseMacs(string vm, IReadOnlyList<string> keep);
}
