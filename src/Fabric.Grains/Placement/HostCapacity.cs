using Fabric.Contracts.Hosts;

namespace Fabric.Grains.Placement;

/// <summary>
/// What a host may still take, by the cluster's <see cref="PlacementOptions"/>. Placement filters and the
/// host grain's own accept-or-refuse use this one reckoning, so a host never refuses what placement
/// thought fit for a reason placement could not see, nor takes what placement would have refused.
/// </summary>
public static class HostCapacity
{
    /// <summary>Memory VMs may commit on a host with <paramref name="capabilities"/>: (physical − reserve) × ratio.</summary>
    public static long UsableMemoryMiB(HostCapabilities capabilities, PlacementOptions options)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        ArgumentNullException.ThrowIfNull(options);
        return (long)Math.Floor(Math.Max(0, (capabilities.MemoryBytes >> 20) - options.HostReserveMiB) * options.MemoryAllocationRatio);
    }

    /// <summary>vCPUs VMs may commit: physical CPUs × ratio.</summary>
    public static int UsableVCpus(HostCapabilities capabilities, PlacementOptions options)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        ArgumentNullException.ThrowIfNull(options);
        return (int)Math.Min(int.MaxValue, Math.Floor(capabilities.CpuCount * options.CpuAllocationRatio));
    }

    public static long FreeMemoryMiB(HostInfo host, PlacementOptions options)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.Capabilities is null ? 0 : UsableMemoryMiB(host.Capabilities, options) - host.CommittedMemoryMiB;
    }

    public static long FreeVCpus(HostInfo host, PlacementOptions options)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.Capabilities is null ? 0 : UsableVCpus(host.Capabilities, options) - host.CommittedVCpus;
    }
}
