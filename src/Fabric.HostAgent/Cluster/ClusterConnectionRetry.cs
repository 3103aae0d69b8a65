using Orleans;

namespace Fabric.HostAgent.Cluster;

/// <summary>
/// Keeps the agent waiting for the cluster instead of exiting when no silo is up yet (the
/// Orleans client gives up after a few tries by default), with a capped backoff, saying so.
/// </summary>
public sealed partial class ClusterConnectionRetry(TimeProvider time, ILogger<ClusterConnectionRetry> logger) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);
    private int _attempt;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exception);
        _attempt++;
        var delay = TimeSpan.FromMilliseconds(Math.Min(MaxDelay.TotalMilliseconds, 500 * Math.Pow(2, Math.Min(_attempt - 1, 5))));
        LogWaiting(logger, _attempt, exception.Message, delay.TotalSeconds);
        await Task.Delay(delay, time, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Fabric silo reachable yet (attempt {Attempt}: {Reason}); retrying in {DelaySeconds:0.#} s. Start the silo (./fabric up) or check Fabric:Redis / Fabric:GatewayPort")]
    private static partial void LogWaiting(ILogger logger, int attempt, string reason, double delaySeconds);
}
