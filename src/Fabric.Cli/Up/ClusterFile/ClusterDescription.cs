namespace Fabric.Cli.Up.ClusterFile;

/// <summary>
/// <c>&lt;data&gt;/cluster.json</c>: what `fabric up` started and where, for tools that drive it from
/// outside (the chaos harness restarts Redis, cuts hosts off, kills agents and silos by pid).
/// The shape is a contract (docs/local-cluster.md): fields may be added, never renamed or removed.
/// </summary>
internal sealed record ClusterDescription(
    string ClusterId,
    string ServiceId,
    string ApiUrl,
    string AdminTokenFile,
    bool Namespaces,
    RedisDescription? Redis,
    IReadOnlyList<SiloDescription> Silos,
    IReadOnlyList<HostDescription> Hosts,
    IReadOnlyDictionary<string, string> Pools);
