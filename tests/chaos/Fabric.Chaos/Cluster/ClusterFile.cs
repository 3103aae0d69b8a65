using System.Text.Json;

namespace Fabric.Chaos.Cluster;

/// <summary>
/// <c>&lt;data&gt;/cluster.json</c>, which <c>fabric up</c> writes once the cluster is up: where every
/// process is and how to reach it. The harness knows the cluster through this file and REST only.
/// </summary>
public sealed record ClusterFile(
    string ClusterId,
    string ServiceId,
    string ApiUrl,
    string AdminTokenFile,
    bool Namespaces,
    ClusterFile.RedisEntry? Redis,
    IReadOnlyList<ClusterFile.SiloEntry> Silos,
    IReadOnlyList<ClusterFile.HostEntry> Hosts)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ClusterFile Read(string path) =>
        JsonSerializer.Deserialize<ClusterFile>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException($"{path} holds no cluster description; fabric up writes it when the cluster is up.");

    /// <summary>The Redis server, with what it takes to start it again (its AOF keeps the data).</summary>
    public sealed record RedisEntry(string Endpoint, int Pid, IReadOnlyList<string> CommandLine, string WorkingDirectory);

    public sealed record SiloEntry(string Name, int Pid, string ApiUrl, int SiloPort, int GatewayPort, string Log);

    /// <summary>A host: its agent, its network namespace and the veth that links it to the rest, its data folder.</summary>
    public sealed record HostEntry(string Name, int AgentPid, string? Netns, string? Veth, string? Address, string DataDir, string Log);
}
