namespace Fabric.Contracts.Vms;

/// <summary>A VM as clients, REST and the CLI see it: desired and observed state side by side.</summary>
[GenerateSerializer, Immutable, Alias("fabric.VmInfo")]
public sealed record VmInfo
{
    [Id(0)] public required string Name { get; init; }

    [Id(1)] public required VmHardware Hardware { get; init; }

    [Id(2)] public required PowerState Desired { get; init; }

    [Id(3)] public required VmStatus Observed { get; init; }

    /// <summary>Why the VM is as observed, e.g. "waiting for guest agent" or "guest shut down".</summary>
    [Id(4)] public string ObservedDetail { get; init; } = "";

    /// <summary>The host the VM is assigned to, or null when it is not placed (stopped VMs keep their last host).</summary>
    [Id(5)] public string? Host { get; init; }

    /// <summary>Incremented every time the VM is placed; the host ignores older commands.</summary>
    [Id(6)] public long Epoch { get; init; }

    /// <summary>Restart the VM on another host when its host dies.</summary>
    [Id(7)] public bool HaRestart { get; init; }

    [Id(11)] public RestartPolicy Restart { get; init; }

    [Id(12)] public int RestartPriority { get; init; }

    [Id(8)] public GuestInfo? Guest { get; init; }

    [Id(9)] public DateTimeOffset CreatedAt { get; init; }

    [Id(10)] public IReadOnlyList<VmEvent> Events { get; init; } = [];

    /// <summary>
    /// The operation the call that returned this started, e.g. the start of a VM created with
    /// <see cref="CreateVmRequest.Start"/>; wait for it by its id. Null when the call started nothing.
    /// </summary>
    [Id(13)] public Operations.OperationInfo? Operation { get; init; }
}
