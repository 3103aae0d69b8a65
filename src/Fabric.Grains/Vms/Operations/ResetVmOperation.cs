using System.Text.Json.Serialization;
using Fabric.Contracts.Vms;

namespace Fabric.Grains.Vms.Operations;

/// <summary>Hard reset: done when the host has applied the reset counter this request bumped it to, and the VM runs.</summary>
public sealed record ResetVmOperation(string Id, DateTimeOffset Deadline, int TargetCount) : VmOperation(Id, Deadline)
{
    public const string Name = "vm.reset";

    [JsonIgnore]
    public override string Kind => Name;

    public override bool IsDoneBy(VmProgress progress) =>
        progress.Observation?.AppliedResetCount >= TargetCount && progress.Status == VmStatus.Running;
}
