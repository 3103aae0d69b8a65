namespace Fabric.Cli.Up;

/// <summary>
/// Watches the children once the cluster is up. A host agent or one silo dying is what a cluster
/// survives (the host is treated as failed; the other silos keep serving), so it is reported and
/// watching goes on. Redis exiting is survived only if it answers again within <see cref="RedisReturnGrace"/>
/// (restarted from cluster.json's command line, as an operator or the chaos harness does: its append-only
/// file brings the data back); otherwise, as when the last silo exits, the run ends: nothing works without them.
/// </summary>
internal sealed class UpSupervisor(LocalCluster cluster, TextWriter output, TimeProvider time)
{
    public static readonly TimeSpan RedisReturnGrace = TimeSpan.FromSeconds(30);

    /// <summary>Returns when <paramref name="cancellationToken"/> fires (Ctrl-C/SIGTERM).</summary>
    /// <exception cref="UpFailedException">Redis exited and did not come back, or every silo exited.</exception>
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

        if (cluster.Redis is { } redis && redis.Process == exited)
        {
            await output.WriteLineAsync(
                $"redis-server exited ({exited.ExitReason()}); waiting up to {RedisReturnGrace.TotalSeconds:0} s for it to answer on {redis.Endpoint} again " +
                "(restart it with redis.commandLine of cluster.json), else stopping everything");
            if (await RedisAnswersAsync(redis))
            {
                await output.WriteLineAsync($"redis-server answers on {redis.Endpoint} again; the cluster keeps running");
                return;
            }
        }

        throw new UpFailedException($"{exited.Name} {exited.DescribeExit()} unexpectedly; stopping the rest", exited);
    }

    private async Task<bool> RedisAnswersAsync(RedisServer redis)
    {
        var deadline = time.GetUtcNow() + RedisReturnGrace;
        while (time.GetUtcNow() < deadline)
        {
            using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(2), time);
            try
            {
                if (await redis.PingAsync(attempt.Token) is null)
                {
                    return true;
                }
            }
            catch (OperationCanceledException) when (attempt.IsCancellationRequested)
            {
                // A Redis still loading its append-only file may hold the connection; ask again.
            }

            // Polling interval while Redis is away, not a synchronisation sleep.
            await Task.Delay(TimeSpan.FromMilliseconds(250), time);
        }

        return false;
    }
}
