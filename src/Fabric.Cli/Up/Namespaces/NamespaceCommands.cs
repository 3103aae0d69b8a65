namespace Fabric.Cli.Up.Namespaces;

/// <summary>The <c>ip</c> command lines (arguments after <c>ip</c>) that build and remove a <see cref="NetworkPlan"/>'s namespaces.</summary>
internal static class NamespaceCommands
{
    /// <summary>The bridge with 198.18.0.1/24, then per host its namespace, a veth pair (root side on the bridge, <c>eth0</c> inside) and <c>lo</c> up.</summary>
    public static IReadOnlyList<string[]> Create(NetworkPlan plan)
    {
        var bridge = NetworkPlan.Bridge;
        List<string[]> commands =
        [
            ["link", "add", bridge, "type", "bridge"],
            ["addr", "add", $"{NetworkPlan.BridgeAddress}/{NetworkPlan.PrefixLength}", "dev", bridge],
            ["link", "set", bridge, "up"],
        ];
        foreach (var host in plan.Hosts.Where(host => host.Namespace is not null))
        {
            var (netns, veth) = (host.Namespace!, host.Veth!);
            commands.AddRange(
            [
                ["netns", "add", netns],
                ["link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", netns],
                ["link", "set", veth, "master", bridge],
                ["link", "set", veth, "up"],
                ["-n", netns, "addr", "add", $"{host.Address}/{NetworkPlan.PrefixLength}", "dev", "eth0"],
                ["-n", netns, "link", "set", "eth0", "up"],
                ["-n", netns, "link", "set", "lo", "up"],
            ]);
        }

        return commands;
    }

    /// <summary>
    /// Removes the given namespaces (their veth pairs go with them) and the bridge. Used at stop for
    /// this run's namespaces, and at start for a previous run's leftovers.
    /// </summary>
    public static IReadOnlyList<string[]> Delete(IEnumerable<string> namespaces, bool bridgeExists)
    {
        List<string[]> commands = [.. namespaces.Select(netns => new[] { "netns", "delete", netns })];
        if (bridgeExists)
        {
            commands.Add(["link", "delete", NetworkPlan.Bridge]);
        }

        return commands;
    }

    /// <summary>
    /// The root-side veths (<c>fv-&lt;index&gt;</c>) in <c>ip -o link show</c> output (<c>12: fv-1@if11: &lt;...&gt;</c>).
    /// A veth normally goes with its namespace, but the kernel tears namespaces down in the background,
    /// and one held open elsewhere keeps its veth: such a leftover would block creating the same name.
    /// </summary>
    public static IReadOnlyList<string> FabricVeths(string linkListOutput) =>
    [
        .. linkListOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(':', 3))
            .Where(fields => fields.Length == 3)
            .Select(fields => fields[1].Trim().Split('@')[0])
            .Where(name => name.StartsWith(NetworkPlan.VethPrefix, StringComparison.Ordinal)),
    ];

    /// <summary>The names in <c>ip netns list</c> output (<c>fabric-host-1 (id: 0)</c>) that are Fabric's.</summary>
    public static IReadOnlyList<string> FabricNamespaces(string netnsListOutput) =>
    [
        .. netnsListOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ')[0])
            .Where(name => name.StartsWith(NetworkPlan.NamespacePrefix, StringComparison.Ordinal)),
    ];
}
