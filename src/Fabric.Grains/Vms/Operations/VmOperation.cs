using System.Text.Json.Serialization;

namespace Fabric.Grains.Vms.Operations;

/// <summary>
/// The operation a VM is working through, and how to tell from its host's report that it is done.
/// A closed set: adding a power action, a migration or a failover adds one type here. Stored with
/// the VM; the discriminator <c>kind</c> is the operation's public name (as the stored records of
/// earlier versions already carried it).
/// </summary>
/// <param name="Id">Operation id (the operation grain's key).</param>
/// <param name="Deadline">When it fails if not done.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(StartVmOperation), StartVmOperation.Name)]
[JsonDerivedType(typeof(ResumeVmOperation), ResumeVmOperation.Name)]
[JsonDerivedType(typeof(ShutdownVmOperation), ShutdownVmOperation.Name)]
[JsonDerivedType(typeof(StopVmOperation), StopVmOperation.Name)]
[JsonDerivedType(typeof(PauseVmOperation), PauseVmOperation.Name)]
[JsonDerivedType(typeof(SuspendVmOperation), SuspendVmOperation.Name)]
[JsonDerivedType(typeof(ResetVmOperation), ResetVmOperation.Name)]
[JsonDerivedType(typeof(RestartVmOperation), RestartVmOperation.Name)]
[JsonDerivedType(typeof(GrowDiskOperation), GrowDiskOperation.Name)]
public abstract record VmOperation(string Id, DateTimeOffset Deadline)
{
    /// <summary>The public name, e.g. <c>vm.start</c>, shown in operations and the VM's events.</summary>
    [JsonIgnore]
    public abstract string Kind { get; }

    /// <summary>True when the VM, as its host last reported it, shows the operation carried out.</summary>
    public abstract bool IsDoneBy(VmProgress progress);
}
