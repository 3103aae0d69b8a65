using Fabric.Chaos.Cluster;
using Fabric.Chaos.Watching;
using Fabric.Contracts.Hosts;
using Fabric.Contracts.Vms;
using Fabric.Testing.Waiting;

namespace Fabric.Chaos.Trials;

/// <summary>
/// The state every trial starts from: every host Ready, every HA VM Running on one host with exactly one
/// live QEMU there (qemu) whose guest agent answers.
/// </summary>
public static class SteadyState
{
    public static async Task WaitAsync(ClusterUnderTest cluster, IReadOnlyList<string> vms, TimeSpan deadline)
    {
        await Eventually.MatchAsync(() => ProblemAsync(cluster, vms), problem => problem is null, deadline,
            "the cluster to be whole (every host Ready, every HA VM running once with its guest agent answering)");
    }

    /// <summary>What keeps the cluster from being whole, or null when it is.</summary>
    public static async Task<string?> ProblemAsync(ClusterUnderTest cluster, IReadOnlyList<string> vms)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(vms);
        var hosts = await cluster.Api.ListHostsAsync();
        if (hosts.FirstOrDefault(h => h.State != HostState.Ready) is { } down)
        {
            return $"host {down.Name} is {down.State} ({down.StateReason})";
        }

        if (cluster.HostNames.FirstOrDefault(n => hosts.All(h => h.Name != n)) is { } missing)
        {
            return $"host {missing} is not listed";
        }

        cluster.Watcher.Sample();
        foreach (var name in vms)
        {
            var vm = await cluster.Api.GetVmAsync(name);
            if (vm is not { Observed: VmStatus.Running, Host: not null })
            {
                return $"VM {name} is {vm?.Observed.ToString() ?? "missing"} on {vm?.Host ?? "no host"}";
            }

            if (cluster.Driver != "qemu")
            {
                continue;
            }

            var live = cluster.Watcher.LiveProcesses(name);
            if (live.Count != 1 || live[0].Host != vm.Host || live[0].State is 'T' or 't')
            {
                return $"VM {name} on {vm.Host} has {live.Count} live QEMU processes: {string.Join(", ", live.Select(s => $"{s.Pid}@{s.Host} ({s.State})"))}";
            }

            if (live[0].GuestAgentSocket is not { } socket || !await GuestAgentProbe.PingAsync(socket, TimeSpan.FromSeconds(3)))
            {
                return $"VM {name}'s guest agent does not answer yet";
            }
        }

        return null;
    }
}
