namespace Fabric.Hypervisor.Qemu.Qmp;

/// <summary>The QMP socket closed: QEMU exited, or the connection broke. Pending commands fail with this.</summary>
public sealed class QmpConnectionLostException(string socketPath, Exception? innerException = null)
    : IOException($"QMP connection to {socketPath} was lost (QEMU exited or closed the socket).", innerException);
