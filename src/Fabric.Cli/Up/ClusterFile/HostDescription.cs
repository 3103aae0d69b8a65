namespace Fabric.Cli.Up.ClusterFile;

/// <summary>
/// One host of a <see cref="ClusterDescription"/>. <paramref name="Netns"/> and <paramref name="Veth"/> are
/// null (and <paramref name="Address"/> 127.0.0.1) when the hosts share loopback.
/// </summary>
internal sealed record HostDescription(string Name, int AgentPid, string? Netns, string? Veth, string Address, string DataDir, string Log);
