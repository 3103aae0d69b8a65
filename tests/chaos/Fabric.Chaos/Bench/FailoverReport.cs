using Fabric.Chaos.Trials;

namespace Fabric.Chaos.Bench;

/// <summary>Turns trials, boots and the soak into <c>bench/results/failover.json</c>'s figures.</summary>
public static class FailoverReport
{
    public static object Build(BenchOptions options, IReadOnlyList<TrialResult> trials, IReadOnlyList<double> boots, SoakRun.Result? soak, object machine, string commit)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(trials);
        var real = trials.Where(t => t.Driver == "qemu").ToList();
        var simulated = trials.Where(t => t.Driver != "qemu").ToList();
        var bootSeconds = boots.Count == 0 ? (double?)null : Math.Round(boots.Order().ElementAt(boots.Count / 2), 2);
        var agentP99 = Percentiles.Of(real.SelectMany(t => t.AgentSeconds), 99);
        var restartP99 = Percentiles.Of(real.SelectMany(t => t.RestartSeconds), 99);
        var doubleRuns = trials.Sum(t => t.DoubleRuns.Count) + (soak?.DoubleRuns ?? 0);
        var lostVms = trials.Sum(t => t.LostVms.Count);
        var falseFailovers = trials.Sum(t => t.FalseFailovers.Count) + (soak?.FalseFailovers ?? 0);
        return new
        {
            benchmark = "failover: fault injected on a host (or the control plane) → host declared dead (detect), its HA VMs' QEMU live on another host (restart), their guest agent answering there (agent)",
            @short = options.Short,
            shortReason = options.Short ? "a short run: fewer trials and a shorter soak than the full benchmark (see realTrials, simulatedTrials, soak.minutes)" : null,
            settings = "cluster defaults: lease TTL 3 s, margin 1 s, renewal every 500 ms; fabric up --hosts 3 --silos 3; guests under TCG",
            realTrials = real.Count,
            simulatedTrials = simulated.Count,
            detectP99Seconds = Percentiles.Of(real.Where(t => t.DetectSeconds is not null).Select(t => t.DetectSeconds!.Value), 99),
            restartP50Seconds = Percentiles.Of(real.SelectMany(t => t.RestartSeconds), 50),
            restartP99Seconds = restartP99,
            agentP99Seconds = agentP99,
            bootSeconds,
            doubleRuns,
            lostVms,
            falseFailovers,
            disturbedVms = trials.Sum(t => t.DisturbedVms.Count) + (soak?.MovedVms.Count ?? 0),
            goals = new
            {
                restartP99AtMost5Seconds = restartP99 is <= 5,
                agentP99MinusBootAtMost5Seconds = agentP99 is { } a && bootSeconds is { } b && a - b <= 5,
                noDoubleRunsLostVmsOrFalseFailovers = doubleRuns == 0 && lostVms == 0 && falseFailovers == 0,
            },
            notes = new[]
            {
                "Top-level detect/restart/agent figures are from the real (qemu) trials. Times are seconds from the fault.",
                "detect: the host's FencedAt from REST GET /api/v1/hosts (polled every 100 ms); restart: the first 100 ms sample of the process table showing the VM's QEMU live on another host; agent: the first guest-ping answered through that QEMU's guest-agent socket.",
                "Simulated trials have no processes to watch: their restart is the first REST poll showing the VM Running on another host, and they have no agent time.",
                "Control-plane faults (silo-kill, redis-restart) must fence no host and touch no VM; they have no detect/restart/agent times.",
            },
            simulated = Summary(simulated),
            perFault = trials.GroupBy(t => t.Fault).ToDictionary(g => g.Key, g => new
            {
                real = Summary([.. g.Where(t => t.Driver == "qemu")]),
                simulated = Summary([.. g.Where(t => t.Driver != "qemu")]),
            }),
            soak,
            machine,
            date = DateTimeOffset.UtcNow,
            commit,
            trials = trials.Select(t => new
            {
                t.Fault, t.Driver, t.Host, t.Vms, t.DetectSeconds,
                restartSeconds = t.RestartSeconds.Select(s => Math.Round(s, 2)),
                agentSeconds = t.AgentSeconds.Select(s => Math.Round(s, 2)),
                t.DoubleRuns, t.LostVms, t.FalseFailovers, t.DisturbedVms, t.Notes,
            }),
        };
    }

    private static object Summary(IReadOnlyList<TrialResult> trials) => new
    {
        trials = trials.Count,
        vmsMoved = trials.Sum(t => t.RestartSeconds.Count),
        detectP50Seconds = Percentiles.Of(trials.Where(t => t.DetectSeconds is not null).Select(t => t.DetectSeconds!.Value), 50),
        detectP99Seconds = Percentiles.Of(trials.Where(t => t.DetectSeconds is not null).Select(t => t.DetectSeconds!.Value), 99),
        restartP50Seconds = Percentiles.Of(trials.SelectMany(t => t.RestartSeconds), 50),
        restartP99Seconds = Percentiles.Of(trials.SelectMany(t => t.RestartSeconds), 99),
        agentP99Seconds = Percentiles.Of(trials.SelectMany(t => t.AgentSeconds), 99),
        doubleRuns = trials.Sum(t => t.DoubleRuns.Count),
        lostVms = trials.Sum(t => t.LostVms.Count),
        falseFailovers = trials.Sum(t => t.FalseFailovers.Count),
        disturbedVms = trials.Sum(t => t.DisturbedVms.Count),
    };
}
