using System.Diagnostics;
using Fabric.HostAgent.Fencing;

namespace Fabric.HostAgent.Tests.Fencing;

/// <summary>A real <c>sleep 600</c> standing in for a QEMU process or an agent, noting when it ended on the monotonic clock.</summary>
public sealed class SleepingProcess : IDisposable
{
    private readonly Process _process;
    private long _exitedAtNs;

    public SleepingProcess()
    {
        var info = new ProcessStartInfo("sleep") { UseShellExecute = false };
        info.ArgumentList.Add("600");
        _process = new Process { StartInfo = info, EnableRaisingEvents = true };
        _process.Exited += (_, _) => Interlocked.Exchange(ref _exitedAtNs, MonotonicClock.NowNs());
        _process.Start();
        StartTime = ProcessStartTime.Read(_process.Id) ?? throw new InvalidOperationException($"sleep (pid {_process.Id}) has no start time");
    }

    public int Pid => _process.Id;

    public long StartTime { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>When it ended (CLOCK_MONOTONIC ns), or 0 while it runs.</summary>
    public long ExitedAtNs => Interlocked.Read(ref _exitedAtNs);

    public FencedProcess AsVm(string vm) => new(vm, Pid, StartTime);

    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }
}
