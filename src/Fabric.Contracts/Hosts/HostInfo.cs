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

    /// <summary>VMs the host's agent reports running (empty while the host is Unreachable).</summary>
    [Id(6)] public IReadOnlyList<string> RunningVms { get; init; } = [];

    /// <summary>VMs assigned to the host, running or not.</summary>
    [Id(7)] public IReadOnlyList<string> AssignedVms { get; init; } = [];

    /// <summary>Memory of the assigned VMs that are not Stopped, in MiB: what placement counts as used.</summary>
    [Id(8)] public long CommittedMemoryMiB { get; init; }

    /// <summary>vCPUs of the VMs assigned to run here (stopped ones take none).</summary>
    [Id(11)] public int CommittedVCpus { get; init; }

    /// <summary>The host's lease, or null before its agent first took one.</summary>
    [Id(9)] public HostLeaseInfo? Lease { get; init; }

    /// <summary>When the cluster last declared the host dead and restarted its HA VMs elsewhere, or null.</summary>
    [Id(10)] public DateTimeOffset? FencedAt { get; init; }
}
