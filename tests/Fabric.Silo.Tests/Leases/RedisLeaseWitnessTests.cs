using Fabric.Contracts.Hosts.Leases;
using Fabric.Leases;
using Fabric.Testing.Leases;
using Fabric.Testing.Processes;
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
    public void Parse_RejectsAStrangeValue_SayingWhatToDo() =>
        Assert.Contains("delete the field", Assert.Throws<FormatException>(() => RedisLeaseWitness.Parse("a|b|c")).Message);
}
