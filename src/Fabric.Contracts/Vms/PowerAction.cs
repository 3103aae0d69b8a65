namespace Fabric.Contracts.Vms;

/// <summary>What an operator can ask of a VM's power. All are idempotent.</summary>
public enum PowerAction
{
    Start,

    /// <summary>Graceful: guest agent, then ACPI, then force after the timeout.</summary>
    Shutdown,

    /// <summary>Force off at once.</summary>
    Stop,

    /// <summary>Graceful shutdown, then start.</summary>
    Restart,

    /// <summary>Hard reset, as the reset button.</summary>
    Reset,
    Pause,
    Resume,

    /// <summary>Save memory to a file and stop (Hyper-V's "save"); start resumes it.</summary>
    Suspend,
}
