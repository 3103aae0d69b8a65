namespace Fabric.Grains.Vms.Operations;

/// <summary>What the VM grain does with its pending operation: keep waiting, or end it.</summary>
/// <param name="Kind">Waiting, succeeded or failed.</param>
/// <param name="Message">For the operation: progress text, or its final message.</param>
/// <param name="Event">For the VM's event trail when the operation ends; empty while waiting.</param>
public sealed record OperationStep(OperationStepKind Kind, string Message, string Event)
{
    public bool Ended => Kind != OperationStepKind.Waiting;
}
