namespace Fabric.Cli.Up.Namespaces;

/// <summary>
/// How the hosts of `fabric up --hosts N` are networked. With several hosts, as root and with
/// iproute2, each agent gets its own network namespace on a private bridge (198.18.0.0/24, from the
/// 198.18.0.0/15 block reserved for benchmarks, so it meets no real network), and a host can be cut
/// off by taking its veth down. Otherwise every agent shares 127.0.0.1 and a warning says so.
/// </summary>
internal sealed record NetworkPlan(bool Namespaces, string? Warning, IReadOnlyList<HostNetwork> Hosts)
{
    public const string Bridge = "fabric-br0";
    public const string BridgeAddress = "198.18.0.1";
    public const string NamespacePrefix = "fabric-";
    public const string VethPrefix = "fv-";
    public const int PrefixLength = 24;
    private const int FirstHostOctet = 10;

    /// <summary>Where the silos and Redis listen for the agents: the bridge with namespaces, else loopback.</summary>
    public string ClusterAddress => Namespaces ? BridgeAddress : "127.0.0.1";

    /// <summary>
    /// One host keeps today's plain loopback (there is nothing to cut it off from); several get
    /// namespaces when this process is root and <c>ip</c> exists, else loopback with a warning.
    /// </summary>
    public static NetworkPlan Decide(IReadOnlyList<string> hostNames, bool isRoot, bool ipAvailable)
    {
        if (hostNames.Count > 1 && isRoot && ipAvailable)
        {
            return new NetworkPlan(true, null, [.. hostNames.Select((name, index) => new HostNetwork(
                name, NamespacePrefix + name, VethPrefix + (index + 1), $"198.18.0.{FirstHostOctet + index + 1}"))]);
        }

        var loopback = new NetworkPlan(false, null, [.. hostNames.Select(name => new HostNetwork(name, null, null, "127.0.0.1"))]);
        if (hostNames.Count == 1)
        {
            return loopback;
        }

        var why = isRoot ? "iproute2's `ip` was not found (install iproute2)" : "this is not root (run `sudo ./fabric up` for one network namespace per host)";
        return loopback with
        {
            Warning = $"warning: {why}; the {hostNames.Count} hosts share 127.0.0.1, so a host cannot be cut off from the network, only killed",
        };
    }
}
