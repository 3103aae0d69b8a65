namespace Fabric.Contracts.Vms;

/// <summary>One network adapter of a new VM.</summary>
[GenerateSerializer, Immutable, Alias("fabric.CreateVmNic")]
public sealed record CreateVmNic
{
    /// <summary><c>user</c> (NAT through the host) or the name of a host bridge.</summary>
    [Id(0)] public string Network { get; init; } = "user";

    [Id(1)] public NicModel Model { get; init; } = NicModel.Default;

    /// <summary>A MAC address to use; generated unique cluster-wide when null.</summary>
    [Id(2)] public string? Mac { get; init; }
}
