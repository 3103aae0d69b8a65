namespace Fabric.Cli.Up;

/// <summary>
/// Watches the children once the cluster is up. A host agent or one silo dying is what a cluster
/// survives (the host is treated as failed; the other silos keep serving), so it is reported and
/// watching goes on. Only Redis dying, or the last silo, ends the run: nothing can work without them.
/// </summary>
internal sealed class UpSupervisor(LocalCluster cluster, TextWriter output)
{
    /// <summary>Returns when <paramref name="cancellationToken"/> fires (Ctrl-C/SIGTERM).</summary>
    /// <exception cref="UpFailedException">Redis, or every silo, exited.</exception>
    public async Task WatchAsync(CancellationToken cancellationToken)
    {
        var stopRequested = Task.Delay(Timeout.Infinite, cancellationToken);
        var reported = new HashSet<ChildProcess>();
        while (true)
        {
            var watched = cluster.Children.Where(child => !reported.Contains(child)).ToList();
            var anyExited = Task.WhenAny(watched.Select(child => child.Exited));
            if (await Task.WhenAny(anyExited, stopRequested) == stopRequested)
            {
                return;
            }

            foreach (var exited in watched.Where(child => child.Exited.IsCompleted))
            {
                reported.Add(exited);
                await ReportAsync(exited);
            }
        }
    }

    private async Task ReportAsync(ChildProcess exited)
    {
        if (cluster.Hosts.FirstOrDefault(host => host.Agent == exited) is { } host)
        {
            var alive = cluster.Hosts.Count(other => !other.Agent.Exited.IsCompleted);
            await output.WriteLineAsync(
                $"agent {host.Name} exited ({exited.ExitReason()}); the cluster will treat {host.Name} as failed " +
                $"({alive} of {cluster.Hosts.Count} agents still running; log: {exited.LogPath})");
            return;
        }

        if (cluster.Silos.FirstOrDefault(silo => silo.Process == exited) is { } silo)
        {
            var remaining = cluster.Silos.Where(other => !other.Process.Exited.IsCompleted).ToList();
            if (remaining.Count == 0)
            {
                throw new UpFailedException($"{exited.Name} {exited.DescribeExit()} unexpectedly, and no silo is left; stopping the rest", exited);
            }

            var api = remaining[0] == cluster.Silos[0] ? "" : $"; the API on {cluster.ApiUrl} is gone, use {remaining[0].ApiUrl}";
            await output.WriteLineAsync(
                $"{silo.Name} exited ({exited.ExitReason()}); {remaining.Count} of {cluster.Silos.Count} silos still running{api} (log: {exited.LogPath})");
            return;
        }

        throw new UpFailedException($"{exited.Name} {exited.DescribeExit()} unexpectedly; stopping the rest", exited);
    }
}
