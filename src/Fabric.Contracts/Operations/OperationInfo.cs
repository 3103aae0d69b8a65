using Fabric.Contracts.Vms;

namespace Fabric.Contracts.Operations;

/// <summary>
/// Anything that takes time (create, start, shutdown, grow, import): an id, a state, progress and
/// an event trail, so the CLI's progress bar, the dashboard and REST all show the same thing.
/// </summary>
[GenerateSerializer, Immutable, Alias("fabric.OperationInfo")]
public sealed record OperationInfo
{
    [Id(0)] public required string Id { get; init; }

    /// <summary>What it does, e.g. <c>vm.start</c>, <c>disk.grow</c>.</summary>
    [Id(1)] public required string Kind { get; init; }

    /// <summary>What it acts on, e.g. <c>vm/web1</c>.</summary>
    [Id(2)] public required string Target { get; init; }

    [Id(3)] public required OperationState State { get; init; }

    /// <summary>0–100.</summary>
    [Id(4)] public int Progress { get; init; }

    /// <summary>The latest word on it; on failure, why and what to do.</summary>
    [Id(5)] public string Message { get; init; } = "";

    [Id(6)] public DateTimeOffset StartedAt { get; init; }

    [Id(7)] public DateTimeOffset? FinishedAt { get; init; }

    [Id(8)] public IReadOnlyList<VmEvent> Events { get; init; } = [];
}
