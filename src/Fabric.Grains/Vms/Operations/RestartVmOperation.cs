using System.Text.Json.Serialization;
using Fabric.Contracts.Vms;

namespace Fabric.Grains.Vms.Operations;

/// <summary>Graceful restart: done when the host has applied the restart counter this request bumped it to, and the VM runs again.</summary>
public sealed record RestartVmOperation(string Id, DateTimeOffset Deadline, int TargetCount) : VmOperation(Id, Deadline)
{
    public const string Name = "vm.restart";

    [JsonIgnore]
    public override string Kind => Name;

    public override bool IsDoneBy(VmProgress progress) =>
        progress.Observation?.AppliedRestartCount >= TargetCount && progress.Status == VmStatus.Running;
}
