using Fabric.Cli.Up.ClusterFile;

namespace Fabric.Cli.Up;

/// <summary>What `fabric up` prints once the cluster is ready: where everything is and what to type next.</summary>
internal static class UpBanner
{
    /// <summary>The files `fabric up` wrote for the CLI (URL and token) and for .NET programs (where the cluster is).</summary>
    public sealed record Files(string CliConfig, string ClientConfig);

    public static async Task WriteAsync(TextWriter output, LocalCluster cluster, DataDirectory data, Files files, AdminTokenFile token, bool childrenDieWithUs)
    {
        var logs = string.Join(", ", cluster.Children.Select(child => Path.GetFileName(child.LogPath)));
        await output.WriteLineAsync($"""

            Fabric is up.
              API and dashboard  {cluster.ApiUrl}/
              Orleans dashboard  {cluster.ApiUrl}/orleans/
              data dir           {data.Root}
              logs               {data.Logs}/ ({logs})
              CLI                ./fabric host list   (API URL and token saved in {files.CliConfig})
              API token          {(token.Created ? token.Token + "   (printed on this first start only; kept in " + token.Path + ")" : "in " + token.Path)}
              .NET client        services.AddFabricClient(configuration) reads {files.ClientConfig}
                                 (cluster id '{LocalCluster.ClusterId}', service id '{LocalCluster.ServiceId}', {(cluster.Redis is { } redis ? "Redis " + redis.Endpoint : "gateway " + string.Join(", ", cluster.ConnectionFile().Gateways))})
            """);
        if (cluster.Silos.Count > 1)
        {
            await output.WriteLineAsync($"  silos              {string.Join(", ", cluster.Silos.Select(silo => $"{silo.Name} {silo.ApiUrl}/ (pid {silo.Process.Id})"))}");
        }

        if (cluster.Hosts.Count > 1)
        {
            await output.WriteLineAsync($"  hosts              {cluster.Hosts.Count}, sharing the pool {cluster.LocalPool}");
            foreach (var host in cluster.Hosts)
            {
                var where = host.Network.Namespace is { } netns ? $"{host.Network.Address} in netns {netns} (cut off: ip link set {host.Network.Veth} down)" : host.Network.Address;
                await output.WriteLineAsync($"    {host.Name,-16} {where}, agent pid {host.Agent.Id}, data {host.DataDirectory}");
            }
        }

        await output.WriteLineAsync($"""
              cluster file       {ClusterFileWriter.PathIn(data)}

            Press Ctrl-C to stop the cluster (twice to stop it at once).
            """);
        if (!childrenDieWithUs)
        {
            await output.WriteLineAsync("note: setpriv/setsid (util-linux) not found: if this process is killed with SIGKILL, its children keep running.");
        }
    }
}
