namespace Fabric.Hypervisor;

/// <summary>How to stop a VM.</summary>
public enum StopMode
{
    /// <summary>Guest agent, then ACPI power button, then kill, each with a deadline.</summary>
    Graceful,

    /// <summary>Kill the VM at once, as pulling the power cord.</summary>
    Force,
}
