namespace Fabric.Hypervisor.Simulated;

/// <summary>Knobs for the in-memory driver used by unit tests and scale simulation.</summary>
public sealed class SimulatedHypervisorOptions
{
    /// <summary>Delay added to every operation, to model a real hypervisor's latency.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>What the simulated host reports for hardware virtualization.</summary>
    public bool HardwareVirtualization { get; set; } = true;

    /// <summary>Storage pools, name → directory; paths are only checked, nothing is written there.</summary>
    public Dictionary<string, string> StoragePools { get; set; } = new(StringComparer.Ordinal) { ["default"] = "/var/lib/fabric/simulated" };

    /// <summary>Capacity of each simulated pool.</summary>
    public long PoolCapacityBytes { get; set; } = 1L << 40;

    /// <summary>Memory the simulated host offers its VMs, in bytes; 0 reports the machine's own memory.</summary>
    public long MemoryBytes { get; set; }
}
