using System.Text.Json.Serialization;
using Fabric.Contracts.Vms;

namespace Fabric.Grains.Vms.Operations;

/// <summary>Graceful shutdown (guest agent, ACPI, then force): done when the VM is off.</summary>
public sealed record ShutdownVmOperation(string Id, DateTimeOffset Deadline) : VmOperation(Id, Deadline)
{
    public const string Name = "vm.shutdown";

    [JsonIgnore]
    public override string Kind => Name;

    public override bool IsDoneBy(VmProgress progress) =>
        progress.Status is VmStatus.Stopped or VmStatus.Crashed;
}
