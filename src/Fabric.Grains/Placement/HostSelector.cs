using Fabric.Contracts.Hosts;
using Fabric.Grains.Placement.Filters;
using Fabric.Grains.Placement.Weighers;
using Microsoft.Extensions.Options;

namespace Fabric.Grains.Placement;

/// <summary>
/// Picks hosts for a VM or a disk task: filters (each its own class: state, pools, vCPUs, memory), then
/// weighers (free memory, spread or pack), ties by name. When none fits it says why, host by host:
/// Nova's "No valid host was found" is the message operators hate most.
/// </summary>
public sealed class HostSelector
{
    private readonly IReadOnlyList<IHostFilter> _filters;
    private readonly IReadOnlyList<IHostWeigher> _weighers;

    public HostSelector(IOptions<PlacementOptions> options)
        : this(options?.Value ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    public HostSelector(PlacementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _filters = [new HostStateFilter(), new StoragePoolFilter(), new VCpuFilter(options), new MemoryFilter(options)];
        _weighers = [new FreeMemoryWeigher(options)];
    }

    /// <summary>With the default rules: for disk tasks, which need no capacity.</summary>
    public static HostSelector Default { get; } = new(new PlacementOptions());

    public PlacementOptions Options { get; }

    public PlacementResult Select(IReadOnlyList<HostInfo> hosts, PlacementRequest request)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        ArgumentNullException.ThrowIfNull(request);
        var candidates = new List<(HostInfo Host, double Weight)>();
        var refusals = new List<string>();
        foreach (var host in hosts)
        {
            if (_filters.Select(filter => filter.Refuse(host, request)).FirstOrDefault(reason => reason is not null) is { } refusal)
            {
                refusals.Add($"{host.Name}: {refusal}");
            }
            else
            {
                candidates.Add((host, _weighers.Sum(weigher => weigher.Weigh(host, request))));
            }
        }

        var ordered = candidates.OrderByDescending(c => c.Weight).ThenBy(c => c.Host.Name, StringComparer.Ordinal).Select(c => c.Host.Name).ToList();
        var reason = hosts.Count == 0
            ? "no host is registered; start fabric-agent on a host"
            : $"no host fits: {string.Join("; ", refusals)}";
        return new PlacementResult(ordered, ordered.Count > 0 ? "" : reason);
    }
}
