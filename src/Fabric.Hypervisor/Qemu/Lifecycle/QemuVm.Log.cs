using Microsoft.Extensions.Logging;

namespace Fabric.Hypervisor.Qemu.Lifecycle;

internal sealed partial class QemuVm
{
    [LoggerMessage(Level = LogLevel.Information, Message = "VM {VmId} ended: {Detail}")]
    private static partial void LogVmEnded(ILogger logger, string vmId, string detail);

    [LoggerMessage(Level = LogLevel.Debug, Message = "VM {VmId} monitor: {Error}; reconnecting")]
    private static partial void LogMonitorError(ILogger logger, string vmId, string error);
}
