using Fabric.Contracts.Operations;
using Fabric.Contracts.Vms;

namespace Fabric.Grains.Operations;

/// <summary>Stored state of one operation.</summary>
public sealed class OperationRecord
{
    public string Kind { get; set; } = "";

    public string Target { get; set; } = "";

    public OperationState State { get; set; }

    public int Progress { get; set; }

    public string Message { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public List<VmEvent> Events { get; set; } = [];
}
