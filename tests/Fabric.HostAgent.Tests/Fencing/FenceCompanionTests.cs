using Fabric.HostAgent.Fencing;
using Fabric.Testing.Processes;
using Fabric.Testing.Waiting;

namespace Fabric.HostAgent.Tests.Fencing;

/// <summary>The fence companion as a real process over real <c>sleep</c> processes standing in for QEMU and the agent.</summary>
public sealed class FenceCompanionTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly long FarAway = (long)TimeSpan.FromMinutes(10).TotalNanoseconds;
    private readonly string _dataDir = Directory.CreateTempSubdirectory("fabric-fence-").FullName;
    private readonly SleepingProcess _agent = new();
    private readonly SleepingProcess _vm = new();
    private readonly List<ChildProcess> _companions = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var companion in _companions)
        {
            await companion.DisposeAsync();
        }

        _agent.Dispose();
        _vm.Dispose();
        Directory.Delete(_dataDir, recursive: true);
    }

    private string CompanionLog => File.Exists(Path.Combine(_dataDir, "fence-companion.log")) ? File.ReadAllText(Path.Combine(_dataDir, "fence-companion.log")) : "";

    private void Pet(long deadlineNs, params FencedProcess[] processes) =>
        FencePetFile.Write(_dataDir, new FencePet(_agent.Pid, _agent.StartTime, deadlineNs, processes));

    /// <summary>Starts the companion on a pet far in the future and waits until it watches the folder.</summary>
    private async Task<ChildProcess> StartCompanionAsync(params FencedProcess[] processes)
    {
        Pet(MonotonicClock.NowNs() + FarAway, processes);
        return await LaunchCompanionAsync();
    }

    private string[] CompanionArguments =>
        ["--fence-companion", $"--Fabric:DataDir={_dataDir}", $"--Fabric:Fencing:AgentPid={_agent.Pid}", $"--Fabric:Fencing:AgentStartTime={_agent.StartTime}"];

    private async Task<ChildProcess> LaunchCompanionAsync()
    {
        var companion = ChildProcess.StartDotnet(RepositoryPaths.AgentDll, CompanionArguments, Path.Combine(_dataDir, $"companion-{_companions.Count}.out"));
        _companions.Add(companion);
        var pidFile = Path.Combine(_dataDir, "fence-companion.pid");
        await Eventually.MatchAsync(() => Task.FromResult(File.Exists(pidFile) ? File.ReadAllText(pidFile).Trim() : ""),
            pid => pid == companion.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Deadline, "the companion to write its pid");
        return companion;
    }

    private Task WaitForKillAsync(SleepingProcess process, string what) =>
        Eventually.MatchAsync(() => Task.FromResult(process.ExitedAtNs), at => at != 0, Deadline, what);

    [Fact]
    public async Task PetNotRenewed_KillsTheListedProcessAtTheDeadlineNotBefore()
    {
        await StartCompanionAsync(_vm.AsVm("vm1"));
        var deadline = MonotonicClock.NowNs() + (long)TimeSpan.FromSeconds(2).TotalNanoseconds;

        Pet(deadline, _vm.AsVm("vm1"));
        await WaitForKillAsync(_vm, "the companion to kill vm1's process");

        Assert.True(_vm.ExitedAtNs >= deadline, $"killed {(deadline - _vm.ExitedAtNs) / 1e6:0} ms before the deadline");
        Assert.True(FencePetFile.Read(_dataDir)?.Done, "the pet is marked done");
        Assert.Contains($"Killed VM vm1's QEMU process {_vm.Pid} (SIGKILL)", CompanionLog, StringComparison.Ordinal);
        Assert.False(_agent.HasExited);
    }

    [Fact]
    public async Task PetRenewedBeforeEachDeadline_KeepsTheProcessAlive()
    {
        await StartCompanionAsync(_vm.AsVm("vm1"));
        var firstDeadline = MonotonicClock.NowNs() + (long)TimeSpan.FromSeconds(1).TotalNanoseconds;
        Pet(firstDeadline, _vm.AsVm("vm1"));

        // Renew as the agent does, well past the first deadline.
        while (MonotonicClock.NowNs() < firstDeadline + (long)TimeSpan.FromSeconds(2).TotalNanoseconds)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            Pet(MonotonicClock.NowNs() + (long)TimeSpan.FromSeconds(1).TotalNanoseconds, _vm.AsVm("vm1"));
        }

        Assert.False(_vm.HasExited, $"vm1 was killed though petted; companion log:\n{CompanionLog}");

        await WaitForKillAsync(_vm, "the companion to kill vm1's process once the petting stopped");
    }

    [Fact]
    public async Task ListedPidWithAnotherStartTime_IsLeftAlone()
    {
        await StartCompanionAsync();

        Pet(MonotonicClock.NowNs() + (long)TimeSpan.FromMilliseconds(500).TotalNanoseconds, new FencedProcess("vm1", _vm.Pid, _vm.StartTime + 1));
        await Eventually.MatchAsync(() => Task.FromResult(FencePetFile.Read(_dataDir)?.Done ?? false), done => done, Deadline, "the companion to act on the pet");

        Assert.False(_vm.HasExited, "a process whose start time does not match was killed");
        Assert.Contains($"VM vm1's QEMU process {_vm.Pid} is already gone", CompanionLog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentGone_NothingToFence_CompanionExits()
    {
        var companion = await StartCompanionAsync();
        Assert.False(companion.HasExited);

        _agent.Kill();

        Assert.Equal(0, await companion.WaitForExitAsync(Deadline));
        Assert.False(File.Exists(Path.Combine(_dataDir, "fence-companion.pid")));
    }

    [Fact]
    public async Task AgentKilled_HaVmsLeft_FencesThemAtTheDeadlineThenExits()
    {
        var companion = await StartCompanionAsync(_vm.AsVm("vm1"));
        var deadline = MonotonicClock.NowNs() + (long)TimeSpan.FromSeconds(2).TotalNanoseconds;
        Pet(deadline, _vm.AsVm("vm1"));

        _agent.Kill();
        await WaitForKillAsync(_vm, "the companion to kill vm1's process after the agent died");

        Assert.True(_vm.ExitedAtNs >= deadline, $"killed {(deadline - _vm.ExitedAtNs) / 1e6:0} ms before the deadline");
        Assert.Equal(0, await companion.WaitForExitAsync(Deadline));
    }

    [Fact]
    public async Task SecondCompanionOnTheSameFolder_ExitsAtOnce()
    {
        var first = await StartCompanionAsync();

        var second = ChildProcess.StartDotnet(RepositoryPaths.AgentDll, CompanionArguments, Path.Combine(_dataDir, "second.out"));
        _companions.Add(second);

        Assert.Equal(0, await second.WaitForExitAsync(Deadline));
        Assert.False(first.HasExited);
    }

    [Fact]
    public async Task PetOfAnEarlierDeadAgent_CompanionStaysWhileTheAgentThatStartedItLives()
    {
        using (var earlierAgent = new SleepingProcess())
        {
            FencePetFile.Write(_dataDir, new FencePet(earlierAgent.Pid, earlierAgent.StartTime, MonotonicClock.NowNs(), []));
            earlierAgent.Kill();
        }

        var companion = await LaunchCompanionAsync();
        await Eventually.MatchAsync(() => Task.FromResult(FencePetFile.Read(_dataDir)?.Done ?? false), done => done, Deadline, "the companion to act on the lapsed pet");

        Assert.False(companion.HasExited, $"the companion left its live agent unguarded; its log:\n{CompanionLog}");

        _agent.Kill();
        Assert.Equal(0, await companion.WaitForExitAsync(Deadline));
    }
}
