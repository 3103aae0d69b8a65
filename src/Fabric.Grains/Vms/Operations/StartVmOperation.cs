using System.Text.Json.Serialization;
using Fabric.Contracts.Vms;

namespace Fabric.Grains.Vms.Operations;

/// <summary>Start: done when the VM runs.</summary>
public sealed record StartVmOperation(string Id, DateTimeOffset Deadline) : VmOperation(Id, Deadline)
{
    public const string Name = "vm.start";

    [JsonIgnore]
    public override string Kind => Name;

    public override bool IsDoneBy(VmProgress progress) =>
        progress.Status == VmStatus.Running;
}
