using System.Globalization;
using Fabric.Contracts.Hosts.Leases;
using StackExchange.Redis;

namespace Fabric.Leases;

/// <summary>
/// Host leases in Redis, the cluster's durable witness: one hash, one field per host, changed only by
/// <see cref="RedisLeaseScripts"/> (atomic compare-and-set on Redis' clock). Agents renew here directly,
/// so the death of a silo never makes a lease lapse; silos read it to find hosts that died.
/// </summary>
public sealed class RedisLeaseWitness(ConfigurationOptions options, string key = RedisLeaseWitness.DefaultKey) : ILeaseWitness, IAsyncDisposable
{
    public const string DefaultKey = "fabric:host-leases";

    private readonly SemaphoreSlim _connecting = new(1, 1);
    private ConnectionMultiplexer? _connection;

    /// <remarks>
    /// Synchronous inside, on purpose: the agent renews from a thread of its own, and a synchronous
    /// call is answered by the client's own socket threads, so a starved .NET thread pool (a busy
    /// machine, a flood of continuations when a silo dies) cannot delay a renewal past the lease.
    /// </remarks>
    public Task<LeaseDecision> RenewAsync(string host, string incarnation, string token, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        var result = (RedisResult[])Database().ScriptEvaluate(RedisLeaseScripts.Renew, [key],
            [host, incarnation, token, ((long)ttl.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)])!;
        var outcome = Enum.Parse<LeaseOutcome>((string)result[0]!, ignoreCase: false);
        return Task.FromResult(new LeaseDecision(outcome, Parse((string?)result[1])));
    }

    public async Task<LeaseRecord?> ReadAsync(string host, CancellationToken cancellationToken = default)
    {
        var database = await DatabaseAsync(cancellationToken);
        return Parse(await database.HashGetAsync(key, host));
    }

    public async Task<LeaseSnapshot> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        var database = await DatabaseAsync(cancellationToken);
        var result = (RedisResult[])(await database.ScriptEvaluateAsync(RedisLeaseScripts.ReadAll, [key]))!;
        var leases = new Dictionary<string, LeaseRecord>(StringComparer.Ordinal);
        for (var index = 1; index + 1 < result.Length; index += 2)
        {
            if (Parse((string?)result[index + 1]) is { } lease)
            {
                leases[(string)result[index]!] = lease;
            }
        }

        return new LeaseSnapshot(long.Parse((string)result[0]!, CultureInfo.InvariantCulture), leases);
    }

    public async Task<bool> FenceAsync(string host, long generation, TimeSpan margin, CancellationToken cancellationToken = default)
    {
        var database = await DatabaseAsync(cancellationToken);
        var result = await database.ScriptEvaluateAsync(RedisLeaseScripts.Fence, [key],
            [host, generation.ToString(CultureInfo.InvariantCulture), ((long)margin.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)]);
        return (long)result == 1;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            await connection.DisposeAsync();
        }

        _connecting.Dispose();
    }

    /// <summary>Parses "holder|token|renewedAtMs|expiresAtMs|generation|fencedGeneration", or null for none.</summary>
    public static LeaseRecord? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var parts = value.Split('|');
        if (parts.Length != 6)
        {
            throw new FormatException($"host lease '{value}' in Redis is not holder|token|renewed|expires|generation|fenced; delete the field to let the host take a new lease");
        }

        static long Number(string text) => long.Parse(text, CultureInfo.InvariantCulture);
        return new LeaseRecord(parts[0], parts[1], Number(parts[2]), Number(parts[3]), Number(parts[4]), Number(parts[5]));
    }

    /// <summary>
    /// The connection's options, made to come back fast: a lease lives a few seconds, so after Redis
    /// restarts the connection must be back within a fraction of it (seen: with the defaults, over 3 s,
    /// and every agent fenced itself on a 0.3 s restart). It checks its health every 200 ms and
    /// reconnects every 100 ms until it is back.
    /// </summary>
    public static ConfigurationOptions ForLeases(ConfigurationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var leases = options.Clone();
        leases.AbortOnConnectFail = false;
        leases.HeartbeatInterval = TimeSpan.FromMilliseconds(200);
        leases.ReconnectRetryPolicy = new LinearRetry(100);
        leases.ConnectTimeout = 1000;
        leases.SyncTimeout = 1000;
        return leases;
    }

    private IDatabase Database()
    {
        if (_connection is { } ready)
        {
            return ready.GetDatabase();
        }

        _connecting.Wait();
        try
        {
            _connection ??= ConnectionMultiplexer.Connect(ForLeases(options));
            return _connection.GetDatabase();
        }
        finally
        {
            _connecting.Release();
        }
    }

    private async Task<IDatabase> DatabaseAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } ready)
        {
            return ready.GetDatabase();
        }

        await _connecting.WaitAsync(cancellationToken);
        try
        {
            _connection ??= await ConnectionMultiplexer.ConnectAsync(ForLeases(options));
            return _connection.GetDatabase();
        }
        finally
        {
            _connecting.Release();
        }
    }
}
