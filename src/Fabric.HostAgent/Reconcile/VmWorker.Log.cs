namespace Fabric.HostAgent.Reconcile;

public sealed partial class VmWorker
{
    [LoggerMessage(Level = LogLevel.Information, Message = "VM {Vm} started at epoch {Epoch}")]
    private static partial void LogStarted(ILogger logger, string vm, long epoch);

    [LoggerMessage(Level = LogLevel.Information, Message = "VM {Vm}: {Change}")]
    private static partial void LogHotplugged(ILogger logger, string vm, string change);

    [LoggerMessage(Level = LogLevel.Warning, Message = "VM {Vm} runs here but is not assigned to this host: stopping it by force so it can never run twice")]
    private static partial void LogStoppingUnassigned(ILogger logger, string vm);

    [LoggerMessage(Level = LogLevel.Warning, Message = "VM {Vm}: {Reason}; retrying in a few seconds")]
    private static partial void LogStepFailed(ILogger logger, string vm, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "VM {Vm} stopped on its own and stays stopped: {Reason}")]
    private static partial void LogLeftDown(ILogger logger, string vm, string reason);
}
