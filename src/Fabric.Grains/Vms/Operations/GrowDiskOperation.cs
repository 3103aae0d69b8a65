using System.Text.Json.Serialization;

namespace Fabric.Grains.Vms.Operations;

/// <summary>Online disk growth: done when the running VM reports the disk at (at least) the size asked for.</summary>
public sealed record GrowDiskOperation(string Id, DateTimeOffset Deadline, string Disk, long TargetSize) : VmOperation(Id, Deadline)
{
    public const string Name = "vm.grow-disk";

    [JsonIgnore]
    public override string Kind => Name;

    public override bool IsDoneBy(VmProgress progress) =>
        progress.Observation is { } observation && observation.DiskSizes.TryGetValue(Disk, out var size) && size >= TargetSize;
}
