namespace Fabric.Contracts.Hosts;

/// <summary>Whether hardware virtualization really works on a host, as the agent found by trying.</summary>
/// <param name="Available">True when a KVM guest made progress within the probe's deadline.</param>
/// <param name="Accelerator">What VMs on this host run under: <c>kvm</c>, or <c>tcg</c> (software emulation).</param>
/// <param name="Reason">Why, in words an operator can act on.</param>
[GenerateSerializer, Immutable, Alias("fabric.HardwareVirtualization")]
public sealed record HardwareVirtualization(
    [property: Id(0)] bool Available,
    [property: Id(1)] string Accelerator,
    [property: Id(2)] string Reason);
