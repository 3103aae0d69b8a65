using Fabric.Chaos.Cluster;
using Fabric.Contracts.Hosts;
using Fabric.Testing.Processes;

namespace Fabric.Chaos.Bench;

/// <summary>
/// No fault, every CPU saturated: each HA guest spins a busy loop, and the machine runs one busy process per
/// core beside the cluster. Any host declared dead meanwhile is a false failover: the proof that the short
/// timeouts are not bought with false alarms.
/// </summary>
public static class SoakRun
{
    public sealed record Result(double Minutes, int FalseFailovers, IReadOnlyList<string> Fenced, int DoubleRuns, IReadOnlyList<string> MovedVms, string Load, string LoadAverageAtEnd)
    {
        public override string ToString() =>
            $"{Minutes} min under {Load}: false failovers {FalseFailovers} [{string.Join(", ", Fenced)}], double runs {DoubleRuns}, " +
            $"VMs moved or restarted {MovedVms.Count} [{string.Join(", ", MovedVms)}], load average at the end {LoadAverageAtEnd}";
    }

    public static async Task<Result> RunAsync(ClusterUnderTest cluster, IReadOnlyList<string> vms, TimeSpan duration, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(vms);
        foreach (var vm in vms)
        {
            await cluster.Api.ExecAsync(vm, ["/bin/sh", "-c", "sh -c 'while :; do :; done' </dev/null >/dev/null 2>&1 &"]);
        }

        var hogs = Enumerable.Range(0, Environment.ProcessorCount)
            .Select(i => ChildProcess.Start("/bin/sh", ["-c", "while :; do :; done"], Path.Combine(cluster.Directory, $"soak-hog-{i}.log")))
            .ToList();
        var hostsBefore = (await cluster.Api.ListHostsAsync()).ToDictionary(h => h.Name, h => h.FencedAt, StringComparer.Ordinal);
        var placeBefore = await PlacementAsync(cluster, vms);
        var doublesBefore = cluster.Watcher.DoubleRuns.Count;
        var fenced = new SortedSet<string>(StringComparer.Ordinal);
        var end = DateTimeOffset.UtcNow + duration;
        await log.WriteLineAsync($"soak: {duration.TotalMinutes} min, {vms.Count} busy guests and {hogs.Count} busy loops on the host");
        try
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
            while (DateTimeOffset.UtcNow < end && await timer.WaitForNextTickAsync())
            {
                try
                {
                    foreach (var host in await cluster.Api.ListHostsAsync())
                    {
                        if (host.State is HostState.Fenced || host.FencedAt != hostsBefore.GetValueOrDefault(host.Name))
                        {
                            fenced.Add($"{host.Name} {host.State} fenced at {host.FencedAt:HH:mm:ss.fff}");
                        }
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // A slow answer under full load is not a failover; the next poll looks again.
                }
            }
        }
        finally
        {
            foreach (var hog in hogs)
            {
                await hog.DisposeAsync();
            }
        }

        var placeAfter = await PlacementAsync(cluster, vms);
        var moved = vms.Where(v => placeAfter[v] != placeBefore[v]).Select(v => $"{v}: {placeBefore[v]} -> {placeAfter[v]}").ToList();
        return new Result(duration.TotalMinutes, fenced.Select(f => f.Split(' ')[0]).Distinct().Count(), [.. fenced],
            cluster.Watcher.DoubleRuns.Count - doublesBefore, moved, $"{vms.Count} guests each in a busy loop + {hogs.Count} busy loops on the host ({Environment.ProcessorCount} cores)",
            File.ReadAllText("/proc/loadavg").Trim());
    }

    private static async Task<Dictionary<string, string>> PlacementAsync(ClusterUnderTest cluster, IReadOnlyList<string> vms)
    {
        cluster.Watcher.Sample();
        var place = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var vm in vms)
        {
            var info = await cluster.Api.GetVmAsync(vm);
            place[vm] = $"{info?.Host} {string.Join(",", cluster.Watcher.LiveProcesses(vm).Select(s => s.Pid))}";
        }

        return place;
    }
}
