using Fabric.Chaos.Watching;
using Microsoft.Extensions.Time.Testing;

namespace Fabric.Chaos.Tests.Watching;

public sealed class OutsideWatcherTests
{
    private const string HostA = "/data/hosts/a";
    private const string HostB = "/data/hosts/b";

    private readonly FakeProcessTable _table = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
    private readonly OutsideWatcher _watcher;

    public OutsideWatcherTests() =>
        _watcher = new OutsideWatcher(_table, new HostResolver([new HostIdentity("a", HostA, null), new HostIdentity("b", HostB, null)]), _time);

    [Fact]
    public void Sample_OneVmLiveOnTwoHosts_ReportsADoubleRun()
    {
        _table.AddQemu(100, "web1", HostA);
        _table.AddQemu(200, "web1", HostB);

        _watcher.Sample();

        var doubleRun = Assert.Single(_watcher.DoubleRuns);
        Assert.Equal("web1", doubleRun.VmName);
        Assert.Equal(["100@a (S)", "200@b (S)"], doubleRun.Processes);
    }

    [Fact]
    public void Sample_AStoppedProcessBesideARunningOne_IsADoubleRun_BecauseSigcontResumesIt()
    {
        _table.AddQemu(100, "web1", HostA, state: 'T');
        _table.AddQemu(200, "web1", HostB, state: 'R');

        _watcher.Sample();

        Assert.Single(_watcher.DoubleRuns);
    }

    [Fact]
    public void Sample_AZombieBesideARunningOne_IsNoDoubleRun()
    {
        _table.AddQemu(100, "web1", HostA, state: 'Z');
        _table.AddQemu(200, "web1", HostB);

        _watcher.Sample();

        Assert.Empty(_watcher.DoubleRuns);
        Assert.Equal("b", Assert.Single(_watcher.LiveProcesses("web1")).Host);
    }

    [Fact]
    public void Sample_QemusOfAnotherCluster_AreNotWatched()
    {
        _table.AddQemu(100, "web1", "/elsewhere/one");
        _table.AddQemu(200, "web1", "/elsewhere/two");

        _watcher.Sample();

        Assert.Empty(_watcher.DoubleRuns);
        Assert.Empty(_watcher.LiveProcesses("web1"));
    }

    [Fact]
    public void Sample_OneProcessPerVm_ReportsNothing()
    {
        _table.AddQemu(100, "web1", HostA);
        _table.AddQemu(200, "web2", HostB);

        _watcher.Sample();

        Assert.Empty(_watcher.DoubleRuns);
    }

    [Fact]
    public void Sample_TwoProcessesOnOneHost_AreQemusDaemonizeHandOff_UntilTheGraceRunsOut()
    {
        _table.AddQemu(100, "web1", HostA);
        _table.AddQemu(101, "web1", HostA);

        _watcher.Sample();
        _time.Advance(OutsideWatcher.DaemonizeGrace);
        _watcher.Sample();
        Assert.Empty(_watcher.DoubleRuns);

        _time.Advance(OutsideWatcher.Period);
        _watcher.Sample();
        Assert.Single(_watcher.DoubleRuns);
    }

    [Fact]
    public void Sample_TheSameDoubleRunInManySamples_IsReportedOnce()
    {
        _table.AddQemu(100, "web1", HostA);
        _table.AddQemu(200, "web1", HostB);

        for (var i = 0; i < 5; i++)
        {
            _watcher.Sample();
            _time.Advance(OutsideWatcher.Period);
        }

        Assert.Single(_watcher.DoubleRuns);
    }

    [Fact]
    public void FirstElsewhere_AfterTheVmMovedHosts_GivesTheFirstSampleThatShowedItOnTheNewHost()
    {
        var old = _table.AddQemu(100, "web1", HostA);
        _watcher.Sample();
        var fault = _time.GetUtcNow();
        _table.Processes.Remove(old);
        _time.Advance(TimeSpan.FromSeconds(4));
        _watcher.Sample();
        Assert.Null(_watcher.FirstElsewhere("web1", "a", fault));

        _table.AddQemu(300, "web1", HostB);
        _time.Advance(OutsideWatcher.Period);
        var seen = _time.GetUtcNow();
        _watcher.Sample();
        _time.Advance(OutsideWatcher.Period);
        _watcher.Sample();

        var sighting = _watcher.FirstElsewhere("web1", "a", fault);
        Assert.Equal(("b", 300, seen), (sighting?.Host, sighting?.Pid, sighting?.FirstSeen));
    }
}
