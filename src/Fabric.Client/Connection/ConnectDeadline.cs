using Microsoft.Extensions.Logging;

namespace Fabric.Client.Connection;

/// <summary>
/// Retries the Orleans client's first connection until <see cref="FabricConnectionSettings.ConnectTimeout"/>,
/// saying so, then gives up with a <see cref="FabricConnectionException"/> that names what was tried,
/// the cluster id and where the settings came from: a program never hangs silently on a cluster that is not there.
/// </summary>
internal sealed partial class ConnectDeadline(FabricConnectionSettings settings, ILogger<ConnectDeadline> logger, TimeProvider? timeProvider = null) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(500);
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly long _startedAt = (timeProvider ?? TimeProvider.System).GetTimestamp();
    private int _attempt;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        _attempt++;
        var elapsed = _time.GetElapsedTime(_startedAt);
        if (elapsed + RetryEvery > settings.ConnectTimeout)
        {
            throw new FabricConnectionException(
                $"no Fabric silo answered within {settings.ConnectTimeout.TotalSeconds:0.#} s at {settings.Target} " +
                $"(cluster id '{settings.ClusterId}', service id '{settings.ServiceId}', settings from {settings.Source}); last error: {exception.Message.TrimEnd('.')}. " +
                "Is the cluster up (./fabric up, which rewrites the client file at every start)? Otherwise correct Fabric:Client:Redis, Fabric:Client:Gateways or Fabric:Client:ClusterId",
                exception);
        }

        LogRetrying(logger, _attempt, settings.Target, settings.ClusterId, exception.Message, (settings.ConnectTimeout - elapsed).TotalSeconds);
        await Task.Delay(RetryEvery, _time, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fabric cluster not reached yet (attempt {Attempt}, {Target}, cluster id '{ClusterId}': {Reason}); retrying for {RemainingSeconds:0.#} s more")]
    private static partial void LogRetrying(ILogger logger, int attempt, string target, string clusterId, string reason, double remainingSeconds);
}
