using Microsoft.Extensions.Logging;

namespace Fabric.Hypervisor.Qemu.Qmp;

public sealed partial class QmpClient
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "QMP connected to {SocketPath} (QEMU {Version})")]
    private static partial void LogConnected(ILogger logger, string socketPath, string version);

    [LoggerMessage(Level = LogLevel.Debug, Message = "QMP connection to {SocketPath} lost: {Reason}")]
    private static partial void LogConnectionLost(ILogger logger, string socketPath, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "QMP event {EventName} from {SocketPath}")]
    private static partial void LogEvent(ILogger logger, string socketPath, string eventName);

    [LoggerMessage(Level = LogLevel.Debug, Message = "QMP reply on {SocketPath} matched no pending command (late after a timeout?): {Line}")]
    private static partial void LogUnmatchedReply(ILogger logger, string socketPath, string line);
}
