using Fabric.Contracts.Consoles;

namespace Fabric.HostAgent.Consoles;

public sealed partial class ConsoleRelayServer
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Console relay listening on {Endpoint}")]
    private static partial void LogListening(ILogger logger, string endpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Console relay: bridging the {Kind} console of VM {Vm}")]
    private static partial void LogBridging(ILogger logger, string vm, ConsoleKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Console relay refused a connection: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
