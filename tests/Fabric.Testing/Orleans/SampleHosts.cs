using Fabric.Contracts.Hosts;

namespace Fabric.Testing.Orleans;

/// <summary>Heartbeats as an agent would send them.</summary>
public static class SampleHosts
{
    public static readonly DateTimeOffset AgentStart = new(2026, 11, 26, 11, 59, 0, TimeSpan.Zero);

    public static HostCapabilities Capabilities(bool kvm = false) => new()
    {
        CpuModel = "Test CPU",
        CpuCount = 2,
        MemoryBytes = 24L << 30,
        HypervisorDriver = "simulated",
        HypervisorVersion = "1.0",
        HardwareVirtualization = kvm
            ? new HardwareVirtualization(true, "kvm", "a KVM guest booted")
            : new HardwareVirtualization(false, "tcg", "a KVM guest made no progress within 15 s"),
        StoragePools = [new StoragePoolInfo("local", "/var/lib/fabric/pools/local", 100L << 30, 50L << 30)],
        OperatingSystem = "Debian GNU/Linux 12 (bookworm)",
        AgentVersion = "test",
    };

    public static HostHeartbeat Heartbeat(HostCapabilities? capabilities, DateTimeOffset? agentStart = null) =>
        new(capabilities, [], agentStart ?? AgentStart);
}
