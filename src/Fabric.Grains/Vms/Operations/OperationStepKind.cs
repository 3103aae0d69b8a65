namespace Fabric.Grains.Vms.Operations;

/// <summary>Where a VM's pending operation stands after a report or a deadline check.</summary>
public enum OperationStepKind
{
    /// <summary>Not done yet; the message says what the VM is doing.</summary>
    Waiting,

    Succeeded,

    Failed,
}
