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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Host {HostName}: told agent incarnation {Incarnation} to stand down: {Reason}")]
    private static partial void LogStoodDown(ILogger logger, string hostName, string incarnation, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Host {HostName} declared dead: lease generation {Generation} held by incarnation {Holder} lapsed at {ExpiredAt:O} and the {MarginMs} ms margin passed; restarting {Restarting} HA VM(s) elsewhere, {StayingDown} VM(s) with restart policy never stay there")]
    private static partial void LogFenced(ILogger logger, string hostName, long generation, string holder, DateTimeOffset expiredAt, double marginMs, int restarting, int stayingDown);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Host {HostName}: could not hand VM {Vm} its host failure ({Reason}); the next lease check tries again")]
    private static partial void LogFailoverCallFailed(ILogger logger, string hostName, string vm, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Host {HostName} is back: incarnation {Incarnation} took lease generation {Generation} after the host was declared dead")]
    private static partial void LogBackAfterFence(ILogger logger, string hostName, string incarnation, long generation);
}
