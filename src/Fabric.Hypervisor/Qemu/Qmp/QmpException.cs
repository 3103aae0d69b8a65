namespace Fabric.Hypervisor.Qemu.Qmp;

/// <summary>
/// QEMU refused a command. <see cref="ErrorClass"/> is QEMU's stable error class
/// (GenericError, CommandNotFound, DeviceNotFound, …); the description is for humans only.
/// </summary>
public sealed class QmpException(string command, string errorClass, string description)
    : Exception($"QEMU refused '{command}': {errorClass}: {description}")
{
    public string Command { get; } = command;

    public string ErrorClass { get; } = errorClass;

    public string Description { get; } = description;
}
