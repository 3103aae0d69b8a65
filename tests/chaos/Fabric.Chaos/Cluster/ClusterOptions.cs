namespace Fabric.Chaos.Cluster;

/// <summary>The cluster the harness asks <c>fabric up</c> for.</summary>
/// <param name="Directory">Folder for its data, logs and the harness's own logs; made if missing.</param>
/// <param name="Hosts">Host agents, each in its own network namespace as root.</param>
/// <param name="Silos">Silos.</param>
/// <param name="Driver"><c>qemu</c> (real VMs) or <c>simulated</c>.</param>
public sealed record ClusterOptions(string Directory, int Hosts = 3, int Silos = 3, string Driver = "qemu");
