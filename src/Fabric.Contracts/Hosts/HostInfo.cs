namespace Fabric.Contracts.Hosts;

/// <summary>A host as the cluster knows it: what clients, REST and the CLI show.</summary>
[GenerateSerializer, Immutable, Alias("fabric.HostInfo")]
public sealed record HostInfo
{
    [Id(0)] public required string Name { get; init; }

    [Id(1)] public required HostState State { get; init; }

    [Id(2)] public HostCapabilities? Capabilities { get; init; }

    [Id(3)] public DateTimeOffset? LastHeartbeat { get; init; }

    [Id(4)] public DateTimeOffset RegisteredAt { get; init; }

    /// <summary>Why the host is in its state, e.g. "no heartbeat for 12 s".</summary>
    [Id(5)] public string StateReason { get; init; } = "";

    [Id(6)] public IReadOnlyList<string> RunningVmIds { get; init; } = [];
}
