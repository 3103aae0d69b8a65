namespace Fabric.Contracts.Consoles;

/// <summary>What a redeemed ticket allows: this console of this VM.</summary>
[GenerateSerializer, Immutable, Alias("fabric.ConsoleGrant")]
public sealed record ConsoleGrant([property: Id(0)] string Vm, [property: Id(1)] ConsoleKind Kind);
