using Fabric.Contracts.Hosts;
using Fabric.HostAgent.Configuration;
using Fabric.HostAgent.Fencing;
using Fabric.HostAgent.Probing;
using Fabric.HostAgent.Reconcile;
using Fabric.HostAgent.Tasks;
using Fabric.Hypervisor;

namespace Fabric.HostAgent.Heartbeat;

/// <summary>
/// Heartbeats the host's <see cref="IHostGrain"/> every <see cref="AgentSettings.HeartbeatInterval"/>
/// with what it observes, and sooner when <see cref="HeartbeatTrigger"/> is nudged. Level-triggered:
/// a lost heartbeat or nudge is repaired by the next heartbeat, and a silo or Redis restart only
/// shows up as a gap in contact, never as the agent exiting. Every heartbeat names this agent's
/// incarnation and host token; a reply telling it to stand down is not acted on, and fences the host
/// if this agent believed it held the lease.
/// </summary>
public sealed partial class HeartbeatService(
    AgentSettings settings,
    HostProbe probe,
    HeartbeatSender sender,
    VmReconciler reconciler,
    HostTaskExecutor tasks,
    HeartbeatTrigger trigger,
    LeaseGate lease,
    HostFence fence,
    TimeProvider time,
    ILogger<HeartbeatService> logger) : BackgroundService
{
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();
    private HostCapabilities? _capabilities;
    private string? _standDown;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarting(logger, settings.HostName, settings.Driver, settings.HeartbeatInterval.TotalMilliseconds);

        // The first probe can take many seconds (it boots a guest to test KVM); heartbeat meanwhile
        // so the cluster shows the host as Joining rather than not at all.
        _ = ProbeInBackgroundAsync(stoppingToken);

        while (true)
        {
            var beganAt = time.GetUtcNow();
            await BeatAsync(stoppingToken);
            await trigger.WaitAsync(beganAt, stoppingToken);
        }
    }

    private async Task BeatAsync(CancellationToken stoppingToken)
    {
        try
        {
            var capabilities = _capabilities is null ? null : _capabilities with { StoragePools = probe.PoolsNow() };
            var outcomes = tasks.Outcomes();
            var incarnation = lease.Identity.Incarnation;
            var heldWhenSent = lease.IsHeld;
            var heartbeat = new HostHeartbeat(capabilities, reconciler.Observations(), _startedAt)
            {
                TaskResults = outcomes,
                Incarnation = incarnation,
                HostToken = lease.Identity.HostToken,
            };
            if (await sender.SendAsync(heartbeat, stoppingToken) is { } reply)
            {
                if (reply.StandDown is { } why)
                {
                    await StandDownAsync(why, incarnation, heldWhenSent, stoppingToken);
                    return;
                }

                _standDown = null;
                tasks.Delivered(outcomes);
                tasks.Accept(reply.Tasks, stoppingToken);
                await reconciler.ApplyAsync(reply.Assignments, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogObserveFailed(logger, ex.Message);
        }
    }

    /// <summary>
    /// The cluster refused this incarnation. Only a refusal of a heartbeat sent while the lease was held
    /// (by the same incarnation) means the lease is lost; one sent before the first grant just came too early.
    /// </summary>
    private async Task StandDownAsync(string why, string incarnation, bool heldWhenSent, CancellationToken stoppingToken)
    {
        if (lease.Identity.Incarnation != incarnation)
        {
            return; // the answer to an incarnation this agent already left behind in a fence
        }

        if (_standDown != why)
        {
            _standDown = why;
            if (heldWhenSent)
            {
                LogStandDown(logger, settings.HostName, incarnation, why);
            }
            else
            {
                LogNotYetHolder(logger, settings.HostName, incarnation, why);
            }
        }

        if (heldWhenSent && lease.BelievedHeld)
        {
            await fence.FenceAsync($"the cluster told this incarnation to stand down: {why}", stoppingToken);
        }
    }

    private async Task ProbeInBackgroundAsync(CancellationToken stoppingToken)
    {
        try
        {
            _capabilities = await probe.ProbeAsync(stoppingToken);
            LogProbed(logger, _capabilities.CpuModel, _capabilities.CpuCount, _capabilities.HypervisorDriver, _capabilities.HypervisorVersion);

            // Report the capabilities now: the host turns Ready without waiting out the interval.
            trigger.Nudge();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is HypervisorException or IOException or UnauthorizedAccessException)
        {
            LogProbeFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent for host {HostName} starting: driver {Driver}, heartbeat every {IntervalMs} ms")]
    private static partial void LogStarting(ILogger logger, string hostName, string driver, double intervalMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Host probed: {CpuModel} x{CpuCount}, hypervisor {Driver} {Version}")]
    private static partial void LogProbed(ILogger logger, string cpuModel, int cpuCount, string driver, string version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Host probe failed; the host stays Joining until the agent is restarted with the cause fixed")]
    private static partial void LogProbeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Host {HostName}: the cluster told incarnation {Incarnation} to stand down ({Why}); no VM is driven until this agent holds the lease")]
    private static partial void LogStandDown(ILogger logger, string hostName, string incarnation, string why);

    [LoggerMessage(Level = LogLevel.Information, Message = "Host {HostName}: incarnation {Incarnation} does not hold the lease yet ({Why}); it drives no VM until it does")]
    private static partial void LogNotYetHolder(ILogger logger, string hostName, string incarnation, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not act on this heartbeat's reply: {Reason}; the next heartbeat tries again")]
    private static partial void LogObserveFailed(ILogger logger, string reason);
}
