using System.Reflection;
using Fabric.Contracts.Hosts;
using Fabric.HostAgent.Configuration;
using Fabric.HostAgent.Consoles;
using Fabric.Hypervisor;

namespace Fabric.HostAgent.Probing;

/// <summary>Probes what this host can do: CPU, memory, OS, storage pools and the hypervisor, including whether hardware virtualization really works.</summary>
public sealed partial class HostProbe(AgentSettings settings, IHypervisor hypervisor, ConsoleRelayServer consoles, ILogger<HostProbe> logger)
{
    public async Task<HostCapabilities> ProbeAsync(CancellationToken cancellationToken)
    {
        var info = await hypervisor.ProbeAsync(cancellationToken);
        var acceleration = info.Acceleration;
        if (acceleration.HardwareAvailable)
        {
            LogKvm(logger, acceleration.Reason);
        }
        else
        {
            LogNoKvm(logger, acceleration.Reason);
        }

        return new HostCapabilities
        {
            CpuModel = HostFacts.CpuModel(),
            CpuCount = Environment.ProcessorCount,
            MemoryBytes = info.MemoryBytes ?? HostFacts.MemoryBytes(),
            OperatingSystem = HostFacts.OperatingSystem(),
            HypervisorDriver = info.Driver,
            HypervisorVersion = info.Version,
            HardwareVirtualization = new HardwareVirtualization(acceleration.HardwareAvailable, acceleration.Accelerator, acceleration.Reason),
            StoragePools = PoolsNow(),
            ConsoleEndpoint = consoles.Endpoint,
            AgentVersion = typeof(HostProbe).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev",
        };
    }

    /// <summary>Storage pools with their current free space; cheap enough to refresh every heartbeat.</summary>
    public IReadOnlyList<StoragePoolInfo> PoolsNow() =>
        [.. settings.StoragePools.Select(p =>
        {
            var drive = new DriveInfo(p.Value);
            return new StoragePoolInfo(p.Key, p.Value, drive.TotalSize, drive.AvailableFreeSpace);
        })];

    [LoggerMessage(Level = LogLevel.Information, Message = "Hardware virtualization works: {Reason}")]
    private static partial void LogKvm(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hardware virtualization unavailable: {Reason}. VMs on this host run under TCG software emulation (-cpu max), many times slower; enable VT-x/AMD-V in firmware and load kvm_intel/kvm_amd to fix")]
    private static partial void LogNoKvm(ILogger logger, string reason);
}
