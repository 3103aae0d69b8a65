using System.Globalization;
using Fabric.HostAgent.Fencing;
using Fabric.Testing.Processes;
using Fabric.Testing.Waiting;

namespace Fabric.HostAgent.Tests.Fencing;

/// <summary>One agent process per data folder, with real agent processes (no silo needed: they wait for one).</summary>
public sealed class AgentDataLockTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly string _dataDir = Directory.CreateTempSubdirectory("fabric-agent-lock-").FullName;
    private readonly int _gatewayPort = FreePort.Next();
    private readonly List<ChildProcess> _agents = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var agent in _agents)
        {
            await agent.DisposeAsync();
        }

        Directory.Delete(_dataDir, recursive: true);
    }

    private ChildProcess StartAgent(string hostName)
    {
        var agent = ChildProcess.StartDotnet(RepositoryPaths.AgentDll,
            ["--Fabric:InMemory=true", "--Fabric:Driver=simulated", $"--Fabric:HostName={hostName}", $"--Fabric:DataDir={_dataDir}",
             $"--Fabric:GatewayPort={_gatewayPort}"],
            Path.Combine(_dataDir, $"{hostName}.out"));
        _agents.Add(agent);
        return agent;
    }

    [Fact]
    public async Task SecondAgentOnTheSameDataFolder_ExitsWithCode2NamingTheFolderAndTheHolder()
    {
        var first = StartAgent("lock1");
        var pidFile = Path.Combine(_dataDir, "agent.pid");
        var firstPid = first.Id.ToString(CultureInfo.InvariantCulture);
        await Eventually.MatchAsync(() => Task.FromResult(File.Exists(pidFile) ? File.ReadAllText(pidFile).Trim() : ""),
            pid => pid == firstPid, Deadline, "the first agent to take the data folder");

        var second = StartAgent("lock2");

        Assert.Equal(2, await second.WaitForExitAsync(Deadline));
        Assert.Contains($"data folder {_dataDir} is in use by agent process {firstPid}", second.Output, StringComparison.Ordinal);
        Assert.Contains("--Fabric:DataDir=<folder>", second.Output, StringComparison.Ordinal);
        Assert.False(first.HasExited, $"the first agent exited; its output:\n{first.Output}");
    }

    [Fact]
    public async Task AgentKilledHard_CompanionLivesOnHoldingNeitherTheLockNorTheAgentsOutput()
    {
        // A pet left by an earlier agent that still runs keeps the companion alive after this agent dies.
        using var earlierAgent = new SleepingProcess();
        FencePetFile.Write(_dataDir, new FencePet(earlierAgent.Pid, earlierAgent.StartTime, MonotonicClock.NowNs() + (long)TimeSpan.FromMinutes(10).TotalNanoseconds, []));
        var first = StartAgent("restart1");
        var pidFile = Path.Combine(_dataDir, "agent.pid");
        await Eventually.MatchAsync(() => Task.FromResult(File.Exists(pidFile) ? File.ReadAllText(pidFile).Trim() : ""),
            pid => pid == first.Id.ToString(CultureInfo.InvariantCulture), Deadline, "the first agent to take the data folder");
        var companionPidFile = Path.Combine(_dataDir, "fence-companion.pid");
        var companionPid = int.Parse(await Eventually.MatchAsync(() => Task.FromResult(File.Exists(companionPidFile) ? File.ReadAllText(companionPidFile).Trim() : ""),
            pid => pid.Length > 0, Deadline, "the agent's fence companion to start"), CultureInfo.InvariantCulture);

        using (var process = System.Diagnostics.Process.GetProcessById(first.Id))
        {
            process.Kill(entireProcessTree: false);
        }

        // Ends only once nobody holds the agent's stdout any more.
        await first.WaitForExitAsync(Deadline);
        Assert.NotNull(ProcessStartTime.Read(companionPid));

        var second = StartAgent("restart1");
        await Eventually.MatchAsync(() => Task.FromResult(File.Exists(pidFile) ? File.ReadAllText(pidFile).Trim() : ""),
            pid => pid == second.Id.ToString(CultureInfo.InvariantCulture), Deadline, "the restarted agent to take the data folder");
        Assert.False(second.HasExited, $"the restarted agent exited; its output:\n{second.Output}");

        await second.DisposeAsync();
        _agents.Remove(second);
        earlierAgent.Kill();
        await Eventually.MatchAsync(() => Task.FromResult(ProcessStartTime.Read(companionPid)), start => start is null, Deadline,
            "the companion to exit once no agent is left");
    }
}
