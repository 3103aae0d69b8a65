using Fabric.Contracts.Hosts.Leases;

namespace Fabric.HostAgent.Fencing;

public sealed partial class LeaseKeeper
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Keeping the lease of host {HostName} as incarnation {Incarnation}: TTL {TtlMs} ms, renewed every {RenewMs} ms")]
    private static partial void LogStarting(ILogger logger, string hostName, string incarnation, double ttlMs, double renewMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Host {HostName}: incarnation {Incarnation} holds the lease ({Outcome}, generation {Generation}); it drives the host's VMs")]
    private static partial void LogLeaseWon(ILogger logger, string hostName, string incarnation, LeaseOutcome outcome, long generation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Host {HostName}: the lease is held by incarnation {Holder} of another machine; this agent ({Incarnation}) drives no VMs until it lapses. Is a second agent running under this host name?")]
    private static partial void LogStandingDown(ILogger logger, string hostName, string holder, string incarnation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Host {HostName}: cannot renew the lease ({ErrorType}: {Reason}); retrying, and fencing the host's HA VMs if it is not renewed within {TtlSeconds} s")]
    private static partial void LogWitnessLost(ILogger logger, string hostName, string errorType, string reason, double ttlSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Host {HostName}: the lease witness answers again")]
    private static partial void LogWitnessRestored(ILogger logger, string hostName);

    [LoggerMessage(Level = LogLevel.Error, Message = "Lease keeping step failed; it runs again at the next tick")]
    private static partial void LogStepFailed(ILogger logger, Exception exception);
}
