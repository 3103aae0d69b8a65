using Fabric.Contracts.Hosts;
using Fabric.Integration.Tests.Infrastructure;
using Fabric.Testing.Processes;
using Fabric.Testing.Waiting;

namespace Fabric.Integration.Tests.Startup;

[Collection(ProcessCollection.Name)]
public sealed class StartupTests : IAsyncLifetime
{
    private ClusterUnderTest _cluster = null!;

    public async Task InitializeAsync() => _cluster = await ClusterUnderTest.StartRedisAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Agent_StartedBeforeAnySilo_SaysItWaitsThenRegisters()
    {
        var agent = _cluster.StartAgent("it-early", TestDrivers.Default);
        await Eventually.MatchAsync(() => Task.FromResult(agent.Output), o => o.Contains("No Fabric silo reachable yet", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60), "the agent to say it is waiting for a silo");
        Assert.False(agent.HasExited, agent.Output);

        await _cluster.StartSiloAsync();

        await _cluster.WaitForHostAsync("it-early", HostState.Ready, TestDrivers.RegistrationDeadline);
    }

    [Theory]
    [InlineData("--Fabric:Redis=foo=bar", "fabric-silo: cannot start: Fabric:Redis: 'foo=bar' is not a Redis connection string")]
    [InlineData("--Fabric:SiloPort=http", "fabric-silo: cannot start: Fabric:SiloPort: 'http' is not a TCP port")]
    [InlineData("--Fabric:Placement:CpuAllocationRatio=0", "fabric-silo: cannot start: Fabric:Placement: Fabric:Placement:CpuAllocationRatio is 0; give 0.1 to 64")]
    [InlineData("--Fabric:Placement:Strategy=random", "fabric-silo: cannot start: Fabric:Placement: Failed to convert configuration value")]
    public async Task Silo_MalformedSetting_ExitsWithOneLineNamingIt(string argument, string expected)
    {
        await using var silo = ChildProcess.StartDotnet(RepositoryPaths.SiloDll, ["--Fabric:Redis=127.0.0.1:1", argument],
            Path.Combine(_cluster.Directory, "bad-silo.log"));

        Assert.Equal(2, await silo.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.StartsWith(expected, silo.Output.Trim(), StringComparison.Ordinal);
        Assert.Single(silo.Output.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("--Fabric:Driver=vmware", "fabric-agent: cannot start: Fabric:Driver: unknown hypervisor driver 'vmware'")]
    [InlineData("--Fabric:DataDir=/proc/fabric", "fabric-agent: cannot start: Fabric:DataDir: folder '/proc/fabric' is not writable")]
    [InlineData("--Fabric:Redis=", "fabric-agent: cannot start: Fabric:Redis: no Redis connection string is set")]
    public async Task Agent_MalformedSetting_ExitsWithOneLineNamingIt(string argument, string expected)
    {
        string[] arguments = [.. _cluster.AgentArguments("it-bad", "simulated"), argument];
        await using var agent = ChildProcess.StartDotnet(RepositoryPaths.AgentDll, arguments, Path.Combine(_cluster.Directory, "bad-agent.log"));

        Assert.Equal(2, await agent.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.StartsWith(expected, agent.Output.Trim(), StringComparison.Ordinal);
        Assert.Single(agent.Output.Trim().Split('\n'));
    }
}
