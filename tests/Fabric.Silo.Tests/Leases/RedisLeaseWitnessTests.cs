using Fabric.Contracts.Hosts.Leases;
using Fabric.Leases;
using Fabric.Testing.Leases;
using Fabric.Testing.Processes;
using Fabric.Testing.Waiting;
using StackExchange.Redis;

namespace Fabric.Silo.Tests.Leases;

/// <summary>The Lua scripts against a real redis-server: the lease contract every witness keeps.</summary>
public sealed class RedisLeaseWitnessTests : LeaseWitnessContract, IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "fabric-lease-" + Guid.NewGuid().ToString("N")[..8]);
    private RedisServer? _redis;
    private RedisLeaseWitness? _witness;

    protected override ILeaseWitness Witness => _witness!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync(_directory);
        _witness = new RedisLeaseWitness(ConfigurationOptions.Parse(_redis.ConnectionString));
    }

    public async Task DisposeAsync()
    {
        await _witness!.DisposeAsync();
        await _redis!.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Leases_SurviveARedisRestart()
    {
        var renewed = await Witness.RenewAsync("kept", "inc-a", "token-a", TimeSpan.FromMinutes(5));
        await _redis!.RestartAsync();
        Assert.Equal(renewed.Lease, await Witness.ReadAsync("kept"));
    }

    [Fact]
    public async Task ARedisRestart_IsReconnectedWellWithinALeaseTtl()
    {
        // Agents renew every 500 ms with a 3 s TTL: a Redis back within the TTL must not cost anyone its lease.
        await Witness.RenewAsync("blip", "inc-a", "token-a", TimeSpan.FromSeconds(3));
        await _redis!.RestartAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var renewed = await Eventually.MatchAsync(
            async () =>
            {
                try
                {
                    return await Witness.RenewAsync("blip", "inc-a", "token-a", TimeSpan.FromSeconds(3)).WaitAsync(TimeSpan.FromMilliseconds(300));
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    return null;
                }
            },
            d => d is { Granted: true },
            TimeSpan.FromSeconds(10),
            "a renewal after the restart");

        Assert.Equal(LeaseOutcome.Renewed, renewed!.Outcome);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"reconnected only after {clock.Elapsed.TotalSeconds:0.0} s; an agent renewing with a 3 s TTL times out at 1.5 s");
    }

    [Fact]
    public void Parse_RejectsAStrangeValue_SayingWhatToDo() =>
        Assert.Contains("delete the field", Assert.Throws<FormatException>(() => RedisLeaseWitness.Parse("a|b|c")).Message);
}
