namespace Fabric.Chaos.Watching;

/// <summary>How the watcher recognises a host's processes: its data folder in their argv, or its network namespace.</summary>
/// <param name="Name">The host's name in the cluster.</param>
/// <param name="DataDirectory">The agent's data folder; a VM's sockets and pidfile live below it.</param>
/// <param name="NetworkNamespace">The <c>/proc/PID/ns/net</c> link target of the host's agent, or null without namespaces.</param>
public sealed record HostIdentity(string Name, string DataDirectory, string? NetworkNamespace);
