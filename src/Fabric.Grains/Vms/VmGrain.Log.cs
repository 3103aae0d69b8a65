using Microsoft.Extensions.Logging;

namespace Fabric.Grains.Vms;

/// <summary>The VM grain's log messages.</summary>
public sealed partial class VmGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "VM {Vm} created on behalf of a user: {VCpus} vCPUs, {MemoryMiB} MiB, {Disks} disk(s)")]
    private static partial void LogCreated(ILogger logger, string vm, int vCpus, int memoryMiB, int disks);

    [LoggerMessage(Level = LogLevel.Information, Message = "VM {Vm} deleted (disks deleted too: {DeleteDisks})")]
    private static partial void LogDeleted(ILogger logger, string vm, bool deleteDisks);

    [LoggerMessage(Level = LogLevel.Information, Message = "VM {Vm} placed on host {Host} at epoch {Epoch}")]
    private static partial void LogPlaced(ILogger logger, string vm, string host, long epoch);

    [LoggerMessage(Level = LogLevel.Warning, Message = "VM {Vm}: its host {Host} was declared dead; {Action}")]
    private static partial void LogHostFailed(ILogger logger, string vm, string host, Fabric.Grains.Vms.Failover.FailoverAction action);

    [LoggerMessage(Level = LogLevel.Warning, Message = "VM {Vm} cannot be restarted after its host failed: {Reason}; trying again in a few seconds")]
    private static partial void LogFailoverWaits(ILogger logger, string vm, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "VM {Vm} is pending: {Reason}; placement is tried again every few seconds until a host can take it")]
    private static partial void LogPending(ILogger logger, string vm, string reason);
}
