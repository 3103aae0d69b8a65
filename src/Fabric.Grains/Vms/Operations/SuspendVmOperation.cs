using System.Text.Json.Serialization;
using Fabric.Contracts.Vms;

namespace Fabric.Grains.Vms.Operations;

/// <summary>Save memory to disk and stop: done when the VM is suspended.</summary>
public sealed record SuspendVmOperation(string Id, DateTimeOffset Deadline) : VmOperation(Id, Deadline)
{
    public const string Name = "vm.suspend";

    [JsonIgnore]
    public override string Kind => Name;

    public override bool IsDoneBy(VmProgress progress) =>
        progress.Status == VmStatus.Suspended;
}
