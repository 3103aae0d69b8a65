using System.Diagnostics;

namespace Fabric.Cli.Up;

/// <summary>
/// One child of `fabric up` (redis-server, the silo, the agent): started with an argv (never a shell),
/// its stdout and stderr appended to its log file, stopped with SIGTERM and then SIGKILL.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _disposed;

    private ChildProcess(string name, string logPath, IReadOnlyList<string> commandLine, Process process, StreamWriter log)
    {
        Name = name;
        LogPath = logPath;
        CommandLine = commandLine;
        _process = process;
        _log = log;
        // Exit is watched through the event, not WaitForExitAsync: that also waits for end of output,
        // which never comes while a grandchild (a daemonized QEMU) still holds the pipe.
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) => _exited.TrySetResult();
        if (_process.HasExited)
        {
            _exited.TrySetResult();
        }
    }

    public string Name { get; }

    public string LogPath { get; }

    public int Id => _process.Id;

    /// <summary>The program and its arguments, as asked for (without the parent-death wrapper).</summary>
    public IReadOnlyList<string> CommandLine { get; }

    /// <summary>Completes when the process has exited.</summary>
    public Task Exited => _exited.Task;

    public static async Task<ChildProcess> StartAsync(
        string name,
        string fileName,
        IReadOnlyList<string> arguments,
        string logPath,
        ParentDeathSignal deathSignal = ParentDeathSignal.Terminate,
        string? workingDirectory = null)
    {
        var log = new StreamWriter(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete)) { AutoFlush = true };
        await log.WriteLineAsync($"--- fabric up: starting {name}: {fileName} {string.Join(' ', arguments)} at {DateTimeOffset.Now:O}");
        Process process;
        try
        {
            process = await ChildLauncher.Shared.StartAsync(fileName, arguments, deathSignal, startInfo =>
            {
                startInfo.RedirectStandardOutput = true;
                startInfo.RedirectStandardError = true;
                startInfo.RedirectStandardInput = true;
                if (workingDirectory is not null)
                {
                    startInfo.WorkingDirectory = workingDirectory;
                }
            });
        }
        catch
        {
            await log.DisposeAsync();
            throw;
        }

        var child = new ChildProcess(name, logPath, [fileName, .. arguments], process, log);
        process.OutputDataReceived += (_, line) => child.Append(line.Data);
        process.ErrorDataReceived += (_, line) => child.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>E.g. <c>exited with code 134</c>.</summary>
    public string DescribeExit() => _process.HasExited ? $"exited with code {_process.ExitCode}" : "is still running";

    /// <summary>
    /// E.g. <c>signal KILL</c> or <c>code 1</c>. On Unix, .NET reports a process killed by signal N as
    /// exit code 128 + N (as shells do), so a program that chose to exit with 137 reads as KILL too.
    /// </summary>
    public string ExitReason() => !_process.HasExited ? "still running" : ExitReasons.Describe(_process.ExitCode);

    /// <summary>SIGTERM, then SIGKILL when it has not exited after <paramref name="gracePeriod"/>.</summary>
    public async Task StopAsync(TimeSpan gracePeriod, TimeProvider time)
    {
        if (Exited.IsCompleted || !UnixSignals.Terminate(Id))
        {
            return;
        }

        try
        {
            await Exited.WaitAsync(gracePeriod, time);
        }
        catch (TimeoutException)
        {
            Kill();
            await Exited;
        }
    }

    /// <summary>SIGKILL, for when there is no time left to be polite.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private void Append(string? line)
    {
        lock (_log)
        {
            if (line is not null && !_disposed)
            {
                _log.WriteLine(line);
            }
        }
    }

    public void Dispose()
    {
        lock (_log)
        {
            _disposed = true;
            _log.Dispose();
        }

        _process.Dispose();
    }
}
