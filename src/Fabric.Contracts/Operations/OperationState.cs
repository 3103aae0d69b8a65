namespace Fabric.Contracts.Operations;

/// <summary>Where an operation is.</summary>
public enum OperationState
{
    Running,
    Succeeded,
    Failed,
}
