namespace Fabric.Contracts.Vms;

/// <summary>One line of a VM's event trail.</summary>
[GenerateSerializer, Immutable, Alias("fabric.VmEvent")]
public sealed record VmEvent([property: Id(0)] DateTimeOffset At, [property: Id(1)] string Message);
