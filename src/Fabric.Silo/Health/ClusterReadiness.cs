using Fabric.Silo.Configuration;
using Orleans.Runtime;
using StackExchange.Redis;

namespace Fabric.Silo.Health;

/// <summary>
/// Answers /readyz: this silo is an Active member of the cluster and, unless in memory, Redis
/// answers a PING. Owns one lazily connected multiplexer that retries in the background.
/// </summary>
public sealed class ClusterReadiness(
    SiloSettings settings,
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo) : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _redis = new(() => ConnectionMultiplexer.ConnectAsync(settings.Redis!));

    public async Task<(bool Ready, string Detail)> CheckAsync(CancellationToken cancellationToken)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(localSilo.SiloAddress);
        if (status != SiloStatus.Active)
        {
            return (false, $"silo {localSilo.SiloAddress} is {status} in the cluster, not Active yet");
        }

        if (settings.InMemory)
        {
            return (true, "silo active (in-memory cluster, no Redis)");
        }

        try
        {
            var redis = await _redis.Value.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return (true, $"silo active; Redis answered PING in {latency.TotalMilliseconds:0.0} ms");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return (false, $"Redis at {string.Join(",", settings.Redis!.EndPoints)} does not answer: {ex.Message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis.IsValueCreated && _redis.Value.IsCompletedSuccessfully)
        {
            await (await _redis.Value).DisposeAsync();
        }
    }
}
