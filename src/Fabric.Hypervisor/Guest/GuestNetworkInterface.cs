namespace Fabric.Hypervisor;

/// <summary>A network interface inside the guest.</summary>
public sealed record GuestNetworkInterface(string Name, string? MacAddress, IReadOnlyList<string> IpAddresses);
