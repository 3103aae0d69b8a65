using Fabric.Chaos.Watching;
using Fabric.Testing.Processes;
using Fabric.Testing.Waiting;

namespace Fabric.Chaos.Tests.Watching;

/// <summary>
/// The watcher over the real process table: two real QEMU processes (no machine, stopped before the
/// first instruction, so they cost nothing) for one VM, their files under two hosts' data folders.
/// </summary>
public sealed class RealQemuDoubleRunTests : IAsyncLifetime
{
    private const string Vm = "chaos-double";
    private readonly string _directory = Directory.CreateTempSubdirectory("fabric-chaos-double-").FullName;
    private readonly List<ChildProcess> _qemus = [];

    [Fact]
    public async Task Sample_TwoRealQemuProcessesOfOneVmOnTwoHosts_IsFlaggedAsADoubleRun()
    {
        var hostA = Path.Combine(_directory, "a");
        var hostB = Path.Combine(_directory, "b");
        var watcher = new OutsideWatcher(new ProcFileSystem(), new HostResolver([new HostIdentity("a", hostA, null), new HostIdentity("b", hostB, null)]), TimeProvider.System);

        StartQemu(hostA);
        await Eventually.MatchAsync(() => Task.FromResult(Live(watcher)), n => n == 1, TimeSpan.FromSeconds(30), $"one live QEMU of {Vm}");
        Assert.Empty(watcher.DoubleRuns);

        StartQemu(hostB);
        await Eventually.MatchAsync(() => Task.FromResult(Live(watcher)), n => n == 2, TimeSpan.FromSeconds(30), $"two live QEMUs of {Vm}");

        var doubleRun = Assert.Single(watcher.DoubleRuns);
        Assert.Equal(Vm, doubleRun.VmName);
        Assert.Equal(["a", "b"], watcher.LiveProcesses(Vm).Select(s => s.Host).Order());
        // QMP answers (once its socket listens) for a QEMU nobody else holds; -S leaves it before the first instruction.
        var qmp = watcher.LiveProcesses(Vm)[0].QmpSocket!;
        await Eventually.MatchAsync(() => QmpProbe.QueryStatusAsync(qmp, TimeSpan.FromSeconds(2)), s => s == "prelaunch", TimeSpan.FromSeconds(30), $"QMP at {qmp} to say prelaunch");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var qemu in _qemus)
        {
            await qemu.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private static int Live(OutsideWatcher watcher)
    {
        watcher.Sample();
        return watcher.LiveProcesses(Vm).Count;
    }

    private void StartQemu(string hostDirectory)
    {
        var run = Path.Combine(hostDirectory, "run", Vm);
        Directory.CreateDirectory(run);
        _qemus.Add(ChildProcess.Start("qemu-system-x86_64",
            ["-name", $"guest={Vm},debug-threads=on", "-machine", "none", "-nodefaults", "-display", "none", "-S",
             "-pidfile", Path.Combine(run, "qemu.pid"), "-chardev", $"socket,id=qmp,path={Path.Combine(run, "qmp.sock")},server=on,wait=off",
             "-mon", "chardev=qmp,mode=control"],
            Path.Combine(hostDirectory, "qemu.log")));
    }
}
