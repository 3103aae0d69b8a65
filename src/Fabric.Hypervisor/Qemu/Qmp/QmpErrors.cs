namespace Fabric.Hypervisor.Qemu.Qmp;

/// <summary>Turns a QEMU refusal into the driver's typed error, keeping QEMU's words for the operator.</summary>
internal static class QmpErrors
{
    public static HypervisorException Translate(QmpException error, string vmId, string what) =>
        new(error.ErrorClass == "DeviceNotFound" ? HypervisorErrorCode.NotFound : HypervisorErrorCode.Failed,
            $"Could not {what} on VM '{vmId}': QEMU said {error.ErrorClass}: {error.Description}", error);
}
