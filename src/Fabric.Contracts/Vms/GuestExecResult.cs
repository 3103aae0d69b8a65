namespace Fabric.Contracts.Vms;

/// <summary>What a program run in the guest returned.</summary>
[GenerateSerializer, Immutable, Alias("fabric.GuestExecResult")]
public sealed record GuestExecResult(
    [property: Id(0)] int ExitCode,
    [property: Id(1)] string StandardOutput,
    [property: Id(2)] string StandardError);
