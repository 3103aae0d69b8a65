using System.Text.Json.Serialization;
using Fabric.Contracts.Vms;

namespace Fabric.Grains.Vms.Operations;

/// <summary>Resume a paused or suspended VM: done when it runs.</summary>
public sealed record ResumeVmOperation(string Id, DateTimeOffset Deadline) : VmOperation(Id, Deadline)
{
    public const string Name = "vm.resume";

    [JsonIgnore]
    public override string Kind => Name;

    public override bool IsDoneBy(VmProgress progress) =>
        progress.Status == VmStatus.Running;
}
