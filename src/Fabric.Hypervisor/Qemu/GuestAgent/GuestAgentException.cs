namespace Fabric.Hypervisor.Qemu.GuestAgent;

/// <summary>The guest agent answered a command with an error (class as qemu-ga reports it).</summary>
public sealed class GuestAgentException(string command, string errorClass, string description)
    : Exception($"Guest agent refused '{command}': {errorClass}: {description}")
{
    public string Command { get; } = command;

    public string ErrorClass { get; } = errorClass;
}
