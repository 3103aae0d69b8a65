using Fabric.Chaos.Cluster;
using Fabric.Chaos.Faults;
using Fabric.Chaos.Watching;
using Fabric.Contracts.Hosts;
using Fabric.Contracts.Vms;

namespace Fabric.Chaos.Trials;

/// <summary>
/// Runs one trial: from a whole cluster, inject a fault, measure detect/restart/agent, undo the fault,
/// wait for the cluster to be whole again, and check the invariants over the whole span. The faulted host
/// comes back by its own agent (continued, linked up again, or started again with its first command line),
/// not by a new cluster: trials stay independent because each starts from the same whole state, and fast
/// because nothing else restarts.
/// </summary>
public sealed class TrialRunner(ClusterUnderTest cluster, IReadOnlyList<string> vms, TextWriter log)
{
    /// <summary>An HA VM not running again this long after its host's fault is lost.</summary>
    public static readonly TimeSpan LostDeadline = TimeSpan.FromSeconds(60);

    /// <summary>How long a control-plane fault is watched for fencing: well past lease TTL + margin (3 s + 1 s by default).</summary>
    public static readonly TimeSpan QuietWindow = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan SettleDeadline = TimeSpan.FromMinutes(4);

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    private readonly bool _qemu = cluster.Driver == "qemu";

    public async Task<TrialResult> RunAsync(Fault fault, int index)
    {
        ArgumentNullException.ThrowIfNull(fault);
        await SteadyState.WaitAsync(cluster, vms, SettleDeadline);
        var placement = await PlacementAsync();
        var fencedBefore = (await cluster.Api.ListHostsAsync()).ToDictionary(h => h.Name, h => h.FencedAt, StringComparer.Ordinal);
        var target = fault.FailsHost ? PickHost(placement, index) : (fault is SiloKill ? SiloKill.Victim(cluster).Name : "redis");
        var victims = fault.FailsHost ? vms.Where(v => placement[v].Host == target).ToList() : [];
        var doublesBefore = cluster.Watcher.DoubleRuns.Count;
        var observation = new TrialObservation(cluster, target, fault.FailsHost, victims, fencedBefore);

        await log.WriteLineAsync($"trial {index}: {fault.Name} on {target} (its HA VMs: {string.Join(", ", victims)})");
        var t0 = DateTimeOffset.UtcNow;
        await fault.InjectAsync(cluster, target);
        await observation.WatchAsync(t0, fault.FailsHost ? LostDeadline : QuietWindow, Tick);

        await fault.HealAsync(cluster, target);
        try
        {
            // An agent that learns it was fenced may stand down and exit once it runs again; a real host's
            // service manager would start it again, and so does the harness.
            await Testing.Waiting.Eventually.MatchAsync(
                () =>
                {
                    foreach (var host in cluster.HostNames.Where(h => !Alive(cluster.AgentPid(h))))
                    {
                        observation.Notes.Add($"the agent of {host} had exited after the fault was undone; started again");
                        cluster.RestartAgent(host);
                    }

                    return SteadyState.ProblemAsync(cluster, vms);
                },
                problem => problem is null, SettleDeadline, "the cluster to be whole again after the fault was undone");
        }
        catch (TimeoutException e)
        {
            observation.Notes.Add(e.Message);
        }

        await observation.CheckFencingAsync(t0);
        var after = await PlacementAsync();
        var disturbed = vms.Where(v => !victims.Contains(v) && after[v] != placement[v])
            .Select(v => $"{v}: {placement[v]} -> {after[v]}").ToList();
        var doubles = cluster.Watcher.DoubleRuns.Skip(doublesBefore).Select(d => d.ToString()).ToList();
        return new TrialResult(fault.Name, cluster.Driver, target, victims, observation.DetectSeconds,
            [.. observation.Restarted.Values], [.. observation.AgentAnswered.Values], doubles,
            [.. victims.Where(v => !observation.Restarted.ContainsKey(v))], [.. observation.FalseFailovers], disturbed, observation.Notes);
    }

    private static bool Alive(int pid) => ProcFileSystem.Read(pid) is { IsLive: true };

    /// <summary>Each VM's host and (qemu) its one QEMU process, so a VM that was touched shows as a change.</summary>
    private async Task<Dictionary<string, VmPlace>> PlacementAsync()
    {
        cluster.Watcher.Sample();
        var placement = new Dictionary<string, VmPlace>(StringComparer.Ordinal);
        foreach (var name in vms)
        {
            var vm = await cluster.Api.GetVmAsync(name);
            var process = _qemu ? cluster.Watcher.LiveProcesses(name).Select(s => $"{s.Pid}/{s.StartTime}").FirstOrDefault() : null;
            placement[name] = new VmPlace(vm?.Host, vm?.Observed ?? VmStatus.Unknown, process);
        }

        return placement;
    }

    /// <summary>The host with the most HA VMs, rotating between equals so trials spread over the hosts.</summary>
    private string PickHost(Dictionary<string, VmPlace> placement, int index)
    {
        var names = cluster.HostNames;
        return names
            .OrderByDescending(h => placement.Values.Count(p => p.Host == h))
            .ThenBy(h => (names.ToList().IndexOf(h) - index + (names.Count * 1000)) % names.Count)
            .First();
    }

    private sealed record VmPlace(string? Host, VmStatus Observed, string? Process)
    {
        public override string ToString() => $"{Host ?? "no host"} {Observed}{(Process is null ? "" : " qemu " + Process)}";
    }
}
