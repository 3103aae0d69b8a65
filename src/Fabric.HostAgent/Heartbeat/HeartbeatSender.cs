using Fabric.Contracts.Hosts;
using Fabric.HostAgent.Cluster;
using Fabric.HostAgent.Configuration;
using Polly;

namespace Fabric.HostAgent.Heartbeat;

/// <summary>
/// Sends one heartbeat through a resilience pipeline (timeout, short retries) and logs only
/// changes of contact with the cluster: lost once, restored once, not once per second. Every
/// heartbeat carries the reference through which the host grain nudges this agent.
/// </summary>
public sealed partial class HeartbeatSender(
    AgentSettings settings,
    IClusterClient cluster,
    NudgeListener listener,
    TimeProvider time,
    ILogger<HeartbeatSender> logger)
{
    private readonly ResiliencePipeline _pipeline = ClusterCallPipeline.Create(time);
    private DateTimeOffset? _contactLostAt;
    private HostState? _lastState;
    private IHostAgentObserver? _observer;

    /// <summary>Sends the heartbeat; returns the reply, or null when the cluster could not be reached this time.</summary>
    public async Task<HeartbeatReply?> SendAsync(HostHeartbeat heartbeat, CancellationToken cancellationToken)
    {
        var host = cluster.GetGrain<IHostGrain>(settings.HostName);
        try
        {
            // Made once: the reference names this client, which stays the same across reconnections.
            _observer ??= cluster.CreateObjectReference<IHostAgentObserver>(listener);
            var withObserver = heartbeat with { Observer = _observer };
            var reply = await _pipeline.ExecuteAsync(async _ => await host.Heartbeat(withObserver), cancellationToken);
            OnContact(reply);
            return reply;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ClusterCallPipeline.IsTransient(ex))
        {
            if (_contactLostAt is null)
            {
                _contactLostAt = time.GetUtcNow();
                LogContactLost(logger, settings.HostName, ex.GetType().Name, ex.Message);
            }

            return null;
        }
    }

    private void OnContact(HeartbeatReply reply)
    {
        if (_contactLostAt is { } lostAt)
        {
            LogContactRestored(logger, (time.GetUtcNow() - lostAt).TotalSeconds);
            _contactLostAt = null;
        }

        if (_lastState != reply.State)
        {
            LogState(logger, settings.HostName, reply.State);
            _lastState = reply.State;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost contact with the cluster while heartbeating host {HostName} ({ErrorType}: {Reason}); VMs keep running, retrying every heartbeat")]
    private static partial void LogContactLost(ILogger logger, string hostName, string errorType, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact with the cluster restored after {Seconds:0.0} s")]
    private static partial void LogContactRestored(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Host {HostName} is {State} in the cluster")]
    private static partial void LogState(ILogger logger, string hostName, HostState state);
}
