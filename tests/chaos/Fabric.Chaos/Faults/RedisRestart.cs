using Fabric.Chaos.Cluster;
using Fabric.Testing.Waiting;

namespace Fabric.Chaos.Faults;

/// <summary>
/// A Redis restart as an operator makes one: SIGTERM (Redis flushes its append-only file and exits), then
/// the same command line in the same folder. Not a host failure: back within the lease TTL, nobody may be
/// fenced and no VM touched.
/// </summary>
public sealed class RedisRestart : Fault
{
    public override string Name => "redis-restart";

    public override bool FailsHost => false;

    public override async Task InjectAsync(ClusterUnderTest cluster, string host)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var pid = cluster.RedisPid;
        Signals.Terminate(pid);
        await Eventually.MatchAsync(() => Task.FromResult(Alive(pid)), alive => !alive, TimeSpan.FromSeconds(20), $"redis-server {pid} to exit after SIGTERM");
        cluster.RestartRedis();
    }

    public override Task HealAsync(ClusterUnderTest cluster, string host) => Task.CompletedTask;
}
