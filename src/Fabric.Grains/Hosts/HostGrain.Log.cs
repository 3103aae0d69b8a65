using Microsoft.Extensions.Logging;

namespace Fabric.Grains.Hosts;

public sealed partial class HostGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Host {HostName} registered with the cluster")]
    private static partial void LogRegistered(ILogger logger, string hostName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Host {HostName}: agent restarted (started at {StartedAt}); VMs on the host are re-adopted, not restarted")]
    private static partial void LogAgentRestarted(ILogger logger, string hostName, DateTimeOffset startedAt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Host {HostName}: could not nudge the agent about {Change} ({Reason}); it learns of it at its next heartbeat")]
    private static partial void LogNudgeFailed(ILogger logger, string hostName, string change, string reason);
}
