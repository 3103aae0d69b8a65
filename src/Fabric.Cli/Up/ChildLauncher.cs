using System.Collections.Concurrent;
using System.Diagnostics;

namespace Fabric.Cli.Up;

/// <summary>
/// Starts the children of `fabric up` so that they die with it, even when it is killed with SIGKILL
/// and no cleanup code runs. .NET cannot call prctl(PR_SET_PDEATHSIG) between fork and exec, so
/// each child is started through util-linux's <c>setpriv --pdeathsig SIG</c>, which sets it and
/// execs the real program (same pid). The kernel sends the signal when the *thread* that forked the
/// child exits, not the process, so every fork happens on this one thread, which lives as long as
/// the process; a thread-pool thread could retire and take the children with it.
/// Each child also gets its own session (<c>setsid</c>): Ctrl-C in the terminal signals the whole
/// foreground process group, and the children must be stopped by `fabric up` in order, not all at once.
/// Without util-linux (not Debian) children are started directly and only the cleanup paths stop them.
/// </summary>
internal sealed class ChildLauncher
{
    private const string SetPriv = "/usr/bin/setpriv";
    private const string SetSid = "/usr/bin/setsid";

    private readonly BlockingCollection<(ProcessStartInfo StartInfo, TaskCompletionSource<Process> Started)> _requests = [];

    private ChildLauncher()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "fabric child launcher" };
        thread.Start();
    }

    public static ChildLauncher Shared { get; } = new();

    public static bool DiesWithParent => File.Exists(SetPriv) && File.Exists(SetSid);

    public Task<Process> StartAsync(string fileName, IEnumerable<string> arguments, ParentDeathSignal deathSignal, Action<ProcessStartInfo> configure)
    {
        var startInfo = new ProcessStartInfo { FileName = DiesWithParent ? SetPriv : fileName, UseShellExecute = false };
        if (DiesWithParent)
        {
            foreach (var wrapperArgument in new[] { "--pdeathsig", deathSignal == ParentDeathSignal.Kill ? "KILL" : "TERM", "--", SetSid, "--", fileName })
            {
                startInfo.ArgumentList.Add(wrapperArgument);
            }
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        configure(startInfo);
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        _requests.Add((startInfo, started));
        return started.Task;
    }

    private void Run()
    {
        foreach (var (startInfo, started) in _requests.GetConsumingEnumerable())
        {
            try
            {
                started.SetResult(Process.Start(startInfo) ?? throw new InvalidOperationException($"{startInfo.FileName} did not start"));
            }
            catch (Exception e)
            {
                started.SetException(e);
            }
        }
    }
}
