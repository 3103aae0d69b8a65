namespace Fabric.Contracts.Vms;

/// <summary>How a VM is to be stopped.</summary>
public enum StopMode
{
    /// <summary>Ask the guest (agent, then ACPI power button); kill it when the timeout passes.</summary>
    Graceful,

    /// <summary>Pull the power cord.</summary>
    Force,
}
