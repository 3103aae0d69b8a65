namespace Fabric.Contracts.Vms;

/// <summary>What a host agent observes about one VM it runs, sent with its heartbeat.</summary>
[GenerateSerializer, Immutable, Alias("fabric.VmObservation")]
public sealed record VmObservation
{
    [Id(0)] public required string Vm { get; init; }

    [Id(1)] public required long Epoch { get; init; }

    [Id(2)] public required VmStatus Status { get; init; }

    [Id(3)] public string Detail { get; init; } = "";

    [Id(4)] public GuestInfo? Guest { get; init; }

    /// <summary>The host that observed it (filled in by the host grain).</summary>
    [Id(5)] public string Host { get; init; } = "";

    /// <summary>Disk sizes in bytes as the running VM sees them, by disk name.</summary>
    [Id(6)] public IReadOnlyDictionary<string, long> DiskSizes { get; init; } = new Dictionary<string, long>();

    /// <summary>How many reset requests (<see cref="Hosts.VmAssignment.ResetCount"/>) the host has carried out.</summary>
    [Id(7)] public int AppliedResetCount { get; init; }

    /// <summary>How many restart requests the host has carried out.</summary>
    [Id(8)] public int AppliedRestartCount { get; init; }

    /// <summary>When the host grain received it; one-way delivery may reorder, so older ones are dropped.</summary>
    [Id(9)] public DateTimeOffset ObservedAt { get; init; }

    /// <summary>The host's last failure acting on this VM (e.g. why it could not start), or null.</summary>
    [Id(10)] public string? Error { get; init; }
}
