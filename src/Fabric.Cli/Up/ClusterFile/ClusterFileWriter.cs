using System.Text.Json;

namespace Fabric.Cli.Up.ClusterFile;

/// <summary>Writes <c>cluster.json</c> once everything is up (write then rename: readers never see half a file) and deletes it at stop.</summary>
internal static class ClusterFileWriter
{
    public const string FileName = "cluster.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string PathIn(DataDirectory data) => Path.Combine(data.Root, FileName);

    public static ClusterDescription Describe(LocalCluster cluster, string adminTokenFile) => new(
        LocalCluster.ClusterId,
        "fabric",
        cluster.ApiUrl,
        adminTokenFile,
        cluster.Network.Namespaces,
        cluster.Redis is { } redis ? new RedisDescription(redis.Endpoint, redis.Process.Id, redis.Process.CommandLine, redis.WorkingDirectory) : null,
        [.. cluster.Silos.Select(silo => new SiloDescription(silo.Name, silo.Process.Id, silo.ApiUrl, silo.SiloPort, silo.GatewayPort, silo.Process.LogPath))],
        [.. cluster.Hosts.Select(host => new HostDescription(
            host.Name, host.Agent.Id, host.Network.Namespace, host.Network.Veth, host.Network.Address, host.DataDirectory, host.Agent.LogPath))],
        new Dictionary<string, string> { ["local"] = cluster.LocalPool });

    public static void Write(DataDirectory data, ClusterDescription description)
    {
        var path = PathIn(data);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(description, Options) + "\n");
        File.Move(temporary, path, overwrite: true);
    }

    public static void Delete(DataDirectory data) => File.Delete(PathIn(data));
}
