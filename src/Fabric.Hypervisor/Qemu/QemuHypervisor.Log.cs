using Microsoft.Extensions.Logging;

namespace Fabric.Hypervisor.Qemu;

public sealed partial class QemuHypervisor
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Starting VM {VmId} under {Accelerator}: qemu {Argv}")]
    private static partial void LogStarting(ILogger logger, string vmId, string accelerator, string argv);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping VM {VmId}: {Step}")]
    private static partial void LogStopStep(ILogger logger, string vmId, string step);
}
