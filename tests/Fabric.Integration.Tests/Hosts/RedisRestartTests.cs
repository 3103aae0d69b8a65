using Fabric.Contracts.Disks;
using Fabric.Contracts.Hosts;
using Fabric.Contracts.Vms;
using Fabric.Integration.Tests.Infrastructure;
using Fabric.Testing.Waiting;

namespace Fabric.Integration.Tests.Hosts;

/// <summary>Redis restarts (append-only file on): the running cluster rides it out, and VM and disk records survive it.</summary>
[Collection(ProcessCollection.Name)]
public sealed class RedisRestartTests : FreshClusterTests
{
    [Fact]
    public async Task Redis_RestartedUnderARunningCluster_SiloAndAgentRideItOutAndTheSiloStoresInItAgain()
    {
        var agent = Cluster.StartAgent("it-redis1", TestDrivers.Default);
        await Cluster.WaitForHostAsync("it-redis1", HostState.Ready, TestDrivers.RegistrationDeadline);

        await Cluster.Redis.RestartAsync();

        // Heartbeats keep going: the host's last heartbeat moves on past the restart.
        var restartedAt = DateTimeOffset.UtcNow;
        await Eventually.MatchAsync(Cluster.ListHostsAsync, hs => hs.Any(h => h.Name == "it-redis1" && h.State == HostState.Ready && h.LastHeartbeat > restartedAt),
            TimeSpan.FromSeconds(60), "a heartbeat after the Redis restart");
        Assert.False(agent.HasExited, agent.Output);
        Assert.False(Cluster.Silo!.HasExited, Cluster.Silo.Output);

        // Heartbeats live in the silo's memory: only a write shows the silo stores in the restarted Redis.
        VmInfo written;
        await using (var client = await Cluster.ConnectAsync())
        {
            written = await client.Fabric.Vms.CreateAsync(new CreateVmRequest
            {
                Name = "after-restart", VCpus = 3, MemoryMiB = 640, Disks = [new CreateVmDisk { SizeBytes = 1L << 30 }],
            });
        }

        // A new silo process has nothing in memory: what it reads back came from Redis.
        await Cluster.Silo.StopAsync(TimeSpan.FromSeconds(30));
        await Cluster.StartSiloAsync();
        await using var after = await Cluster.ConnectAsync();
        var vm = await after.Fabric.Vms.GetAsync("after-restart");
        Assert.NotNull(vm);
        Assert.Equal((3, 640), (vm.Hardware.VCpus, vm.Hardware.MemoryMiB));
        Assert.Equal(written.Hardware.Nics.Single().Mac, vm.Hardware.Nics.Single().Mac);
        Assert.Equal(written.CreatedAt, vm.CreatedAt);
        Assert.Equal(1L << 30, (await after.Fabric.Disks.GetAsync("after-restart-disk0"))!.VirtualSizeBytes);
    }

    [Fact]
    public async Task VmAndDisk_AfterRedisAndSiloRestart_AreUnchanged()
    {
        Cluster.StartAgent("it-redis2", TestDrivers.Default);
        await Cluster.WaitForHostAsync("it-redis2", HostState.Ready, TestDrivers.RegistrationDeadline);
        VmInfo before;
        await using (var client = await Cluster.ConnectAsync())
        {
            before = await client.Grains.GetGrain<IVmGrain>("durable1").Create(new CreateVmRequest
            {
                Name = "durable1", VCpus = 2, MemoryMiB = 768, Disks = [new CreateVmDisk { SizeBytes = 1L << 30 }], SerialPorts = 2,
            });
        }

        await Cluster.Agent!.StopAsync(TimeSpan.FromSeconds(20));
        await Cluster.Silo!.StopAsync(TimeSpan.FromSeconds(30));
        await Cluster.Redis.RestartAsync();
        await Cluster.StartSiloAsync();

        await using var after = await Cluster.ConnectAsync();
        var vm = await after.Grains.GetGrain<IVmGrain>("durable1").Get();
        var disk = await after.Grains.GetGrain<IDiskGrain>("durable1-disk0").Get();
        Assert.NotNull(vm);
        Assert.Equal((2, 768, 2), (vm.Hardware.VCpus, vm.Hardware.MemoryMiB, vm.Hardware.SerialPorts));
        Assert.Equal(before.Hardware.Nics.Single().Mac, vm.Hardware.Nics.Single().Mac);
        Assert.Equal(before.CreatedAt, vm.CreatedAt);
        Assert.Equal("durable1", disk!.AttachedTo);
        Assert.Equal(1L << 30, disk.VirtualSizeBytes);
    }
}
