using Fabric.Chaos.Cluster;
using Fabric.Testing.Waiting;

namespace Fabric.Chaos.Faults;

/// <summary>
/// <c>kill -9</c> of one silo out of several — never the one whose API the harness uses. Not a host
/// failure: no host may be fenced and no VM touched. Healed by starting the silo again.
/// </summary>
public sealed class SiloKill : Fault
{
    public override string Name => "silo-kill";

    public override bool FailsHost => false;

    public override Task InjectAsync(ClusterUnderTest cluster, string host)
    {
        Signals.Kill(cluster.SiloPid(Victim(cluster).Name));
        return Task.CompletedTask;
    }

    public override async Task HealAsync(ClusterUnderTest cluster, string host)
    {
        var silo = Victim(cluster);
        cluster.RestartSilo(silo.Name);
        await Eventually.MatchAsync(() => cluster.Api.ReadyAsync(silo.ApiUrl), ready => ready, TimeSpan.FromMinutes(2), $"silo {silo.Name} to be ready again at {silo.ApiUrl}/readyz");
    }

    /// <summary>The silo this fault kills: the last one that does not serve the API the harness uses.</summary>
    public static ClusterFile.SiloEntry Victim(ClusterUnderTest cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return cluster.File.Silos.LastOrDefault(s => s.ApiUrl.TrimEnd('/') != cluster.Api.ApiUrl)
            ?? throw new InvalidOperationException("the cluster has one silo; a silo kill needs another to keep the API answering (fabric up --silos 3).");
    }
}
