namespace Fabric.Contracts.Vms;

/// <summary>What the guest agent inside a VM reports.</summary>
[GenerateSerializer, Immutable, Alias("fabric.GuestInfo")]
public sealed record GuestInfo(
    [property: Id(0)] string OsName,
    [property: Id(1)] string OsVersion,
    [property: Id(2)] string KernelRelease,
    [property: Id(3)] IReadOnlyList<string> IpAddresses,
    [property: Id(4)] DateTimeOffset ReportedAt);
