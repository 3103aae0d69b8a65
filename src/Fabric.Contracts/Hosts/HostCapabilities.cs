namespace Fabric.Contracts.Hosts;

/// <summary>What a host agent probed about its host at start.</summary>
[GenerateSerializer, Immutable, Alias("fabric.HostCapabilities")]
public sealed record HostCapabilities
{
    [Id(0)] public required string CpuModel { get; init; }

    [Id(1)] public required int CpuCount { get; init; }

    [Id(2)] public required long MemoryBytes { get; init; }

    /// <summary>Hypervisor driver: <c>qemu</c> or <c>simulated</c>.</summary>
    [Id(3)] public required string HypervisorDriver { get; init; }

    [Id(4)] public required string HypervisorVersion { get; init; }

    [Id(5)] public required HardwareVirtualization HardwareVirtualization { get; init; }

    [Id(6)] public required IReadOnlyList<StoragePoolInfo> StoragePools { get; init; }

    /// <summary>Operating system of the host, e.g. <c>Debian GNU/Linux 12 (bookworm)</c>.</summary>
    [Id(7)] public required string OperatingSystem { get; init; }

    [Id(8)] public required string AgentVersion { get; init; }

    /// <summary>Where the agent's console relay listens (<c>address:port</c>), or null when it has none.</summary>
    [Id(9)] public string? ConsoleEndpoint { get; init; }
}
