namespace Fabric.Cli.Up.Namespaces;

/// <summary>Where one host's agent lives on the network: its own namespace and veth, or plain loopback.</summary>
/// <param name="HostName">The host the agent registers as.</param>
/// <param name="Namespace">The network namespace (<c>fabric-&lt;host&gt;</c>), or null on loopback.</param>
/// <param name="Veth">The root side of the host's veth pair (<c>fv-&lt;index&gt;</c>); <c>ip link set it down</c> cuts the host off. Null on loopback.</param>
/// <param name="Address">The agent's address: 198.18.0.(10 + index) in its namespace, else 127.0.0.1.</param>
internal sealed record HostNetwork(string HostName, string? Namespace, string? Veth, string Address);
