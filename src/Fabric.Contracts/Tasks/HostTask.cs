namespace Fabric.Contracts.Tasks;

/// <summary>
/// Work the cluster hands a host agent with its heartbeat reply (image files live on hosts, so
/// grains never touch them). Paths are relative to the named pool. The agent reports the
/// outcome, by <see cref="Id"/>, in a later heartbeat; a task seen twice runs once.
/// </summary>
[GenerateSerializer, Immutable, Alias("fabric.HostTask")]
public abstract record HostTask([property: Id(0)] string Id);

/// <summary>Create an empty image, or a linked clone when <see cref="BasePath"/> is set.</summary>
[GenerateSerializer, Immutable, Alias("fabric.CreateImageTask")]
public sealed record CreateImageTask(string Id, [property: Id(0)] string Pool, [property: Id(1)] string Path,
    [property: Id(2)] string Format, [property: Id(3)] long SizeBytes, [property: Id(4)] string? BasePath, [property: Id(5)] string? BaseFormat) : HostTask(Id);

/// <summary>Grow an image no VM is using.</summary>
[GenerateSerializer, Immutable, Alias("fabric.GrowImageTask")]
public sealed record GrowImageTask(string Id, [property: Id(0)] string Pool, [property: Id(1)] string Path,
    [property: Id(2)] string Format, [property: Id(3)] long SizeBytes) : HostTask(Id);

/// <summary>Copy an image into another file and format (import, export, convert).</summary>
[GenerateSerializer, Immutable, Alias("fabric.ConvertImageTask")]
public sealed record ConvertImageTask(string Id, [property: Id(0)] string Pool, [property: Id(1)] string Path, [property: Id(2)] string Format,
    [property: Id(3)] string TargetPool, [property: Id(4)] string TargetPath, [property: Id(5)] string TargetFormat) : HostTask(Id);

/// <summary>Read an image's facts (size, format, snapshots) without changing it.</summary>
[GenerateSerializer, Immutable, Alias("fabric.InspectImageTask")]
public sealed record InspectImageTask(string Id, [property: Id(0)] string Pool, [property: Id(1)] string Path, [property: Id(2)] string Format) : HostTask(Id);

/// <summary>Delete an image file.</summary>
[GenerateSerializer, Immutable, Alias("fabric.DeleteImageTask")]
public sealed record DeleteImageTask(string Id, [property: Id(0)] string Pool, [property: Id(1)] string Path) : HostTask(Id);

/// <summary>Create, revert to or delete an internal qcow2 snapshot.</summary>
[GenerateSerializer, Immutable, Alias("fabric.SnapshotImageTask")]
public sealed record SnapshotImageTask(string Id, [property: Id(0)] string Pool, [property: Id(1)] string Path,
    [property: Id(2)] Disks.SnapshotAction Action, [property: Id(3)] string Name) : HostTask(Id);

/// <summary>Run a program in a VM's guest through its guest agent.</summary>
[GenerateSerializer, Immutable, Alias("fabric.GuestExecTask")]
public sealed record GuestExecTask(string Id, [property: Id(0)] string Vm, [property: Id(1)] IReadOnlyList<string> Command,
    [property: Id(2)] TimeSpan Timeout) : HostTask(Id);

/// <summary>Take a PNG of a running VM's screen (its VGA display).</summary>
[GenerateSerializer, Immutable, Alias("fabric.ScreenshotTask")]
public sealed record ScreenshotTask(string Id, [property: Id(0)] string Vm) : HostTask(Id);
