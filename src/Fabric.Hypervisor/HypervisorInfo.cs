namespace Fabric.Hypervisor;

/// <summary>What a driver reports about itself and the host's virtualization support.</summary>
/// <param name="Driver">Driver name, e.g. <c>qemu</c>.</param>
/// <param name="Version">Hypervisor version, e.g. <c>7.2.22</c>.</param>
/// <param name="Acceleration">Result of actually trying hardware virtualization.</param>
public sealed record HypervisorInfo(string Driver, string Version, AccelerationProbeResult Acceleration)
{
    /// <summary>Memory the driver offers VMs when it is not the machine's own (a simulated host's setting); null means the machine's.</summary>
    public long? MemoryBytes { get; init; }
}
