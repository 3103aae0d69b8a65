using System.Collections.Concurrent;
using Fabric.Contracts.Tasks;
using Fabric.HostAgent.Heartbeat;
using Fabric.Hypervisor;

namespace Fabric.HostAgent.Tasks;

/// <summary>
/// Runs the tasks heartbeat replies hand this host, each once (a task is re-sent until its outcome
/// is reported), in the background, and holds the outcomes until a heartbeat has carried them; an
/// outcome nudges that heartbeat to go at once, since its caller is waiting.
/// </summary>
public sealed partial class HostTaskExecutor(ImageTaskRunner images, IHypervisor hypervisor, HeartbeatTrigger heartbeat, ILogger<HostTaskExecutor> logger)
{
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HostTaskResult> _done = new(StringComparer.Ordinal);

    public void Accept(IReadOnlyList<HostTask> tasks, CancellationToken stoppingToken)
    {
        foreach (var task in tasks)
        {
            if (!_done.ContainsKey(task.Id))
            {
                _running.GetOrAdd(task.Id, _ => Task.Run(() => RunAsync(task, stoppingToken), CancellationToken.None));
            }
        }
    }

    /// <summary>Outcomes not yet delivered; call <see cref="Delivered"/> once a heartbeat carried them.</summary>
    public IReadOnlyList<HostTaskResult> Outcomes() => [.. _done.Values];

    public void Delivered(IEnumerable<HostTaskResult> results)
    {
        foreach (var result in results)
        {
            _done.TryRemove(result.Id, out _);
            _running.TryRemove(result.Id, out _);
        }
    }

    private async Task RunAsync(HostTask task, CancellationToken stoppingToken)
    {
        HostTaskResult result;
        try
        {
            result = task switch
            {
                GuestExecTask exec => await ExecAsync(exec, stoppingToken),
                ScreenshotTask shot => new HostTaskResult { Id = shot.Id, Png = await hypervisor.Console.ScreenshotPngAsync(shot.Vm, stoppingToken) },
                _ => await images.RunAsync(task, stoppingToken),
            };
            LogDone(logger, task.GetType().Name, task.Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // Every failure is reported to the caller, whatever its type: an unreported task would make it wait its whole deadline.
            LogFailed(logger, task.GetType().Name, task.Id, ex.Message);
            result = new HostTaskResult { Id = task.Id, Error = ex.Message };
        }

        _done[task.Id] = result;
        heartbeat.Nudge();
    }

    private async Task<HostTaskResult> ExecAsync(GuestExecTask task, CancellationToken stoppingToken)
    {
        var run = await hypervisor.GuestAgent.ExecAsync(task.Vm, task.Command[0], [.. task.Command.Skip(1)], task.Timeout, stoppingToken);
        return new HostTaskResult { Id = task.Id, Exec = new Contracts.Vms.GuestExecResult(run.ExitCode, run.StandardOutput, run.StandardError) };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {Kind} {TaskId} done")]
    private static partial void LogDone(ILogger logger, string kind, string taskId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {Kind} {TaskId} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string kind, string taskId, string reason);
}
