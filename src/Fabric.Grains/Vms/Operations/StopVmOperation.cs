using System.Text.Json.Serialization;
using Fabric.Contracts.Vms;

namespace Fabric.Grains.Vms.Operations;

/// <summary>Forced power-off: done when the VM is off.</summary>
public sealed record StopVmOperation(string Id, DateTimeOffset Deadline) : VmOperation(Id, Deadline)
{
    public const string Name = "vm.stop";

    [JsonIgnore]
    public override string Kind => Name;

    public override bool IsDoneBy(VmProgress progress) =>
        progress.Status is VmStatus.Stopped or VmStatus.Crashed;
}
