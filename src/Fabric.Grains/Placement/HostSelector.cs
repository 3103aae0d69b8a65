using Fabric.Contracts.Hosts;

namespace Fabric.Grains.Placement;

/// <summary>
/// Picks hosts for a VM or a disk task: filters (Ready, has the pools, has the memory), then
/// weighs (most free memory first). When none fits it says why, host by host: Nova's "No valid
/// host was found" is the message operators hate most.
/// </summary>
public static class HostSelector
{
    /// <summary>Memory kept for each host itself; matches what the host grain refuses to commit.</summary>
    public const long HostReserveMiB = 512;

    public static PlacementResult Select(IReadOnlyList<HostInfo> hosts, long memoryMiB, IReadOnlyCollection<string> pools)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        ArgumentNullException.ThrowIfNull(pools);
        var candidates = new List<(HostInfo Host, long Free)>();
        var refusals = new List<string>();
        foreach (var host in hosts)
        {
            var free = host.Capabilities is null ? 0 : (host.Capabilities.MemoryBytes >> 20) - HostReserveMiB - host.CommittedMemoryMiB;
            var missing = pools.Except(host.Capabilities?.StoragePools.Select(p => p.Name) ?? [], StringComparer.Ordinal).ToList();
            if (host.State != HostState.Ready)
            {
                refusals.Add($"{host.Name}: {host.State} ({host.StateReason})");
            }
            else if (missing.Count > 0)
            {
                refusals.Add($"{host.Name}: has no storage pool {string.Join(", ", missing)}");
            }
            else if (free < memoryMiB)
            {
                refusals.Add($"{host.Name}: {free} MiB free, {memoryMiB} MiB needed");
            }
            else
            {
                candidates.Add((host, free));
            }
        }

        var ordered = candidates.OrderByDescending(c => c.Free).ThenBy(c => c.Host.Name, StringComparer.Ordinal).Select(c => c.Host.Name).ToList();
        var reason = hosts.Count == 0
            ? "no host is registered; start fabric-agent on a host"
            : $"no host fits: {string.Join("; ", refusals)}";
        return new PlacementResult(ordered, ordered.Count > 0 ? "" : reason);
    }
}
