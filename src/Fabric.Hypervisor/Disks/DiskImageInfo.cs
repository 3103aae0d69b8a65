namespace Fabric.Hypervisor;

/// <summary>What an image is, from <c>qemu-img info</c>.</summary>
/// <param name="Path">Image path.</param>
/// <param name="Format">Format it was opened with.</param>
/// <param name="VirtualSizeBytes">Size the guest sees.</param>
/// <param name="ActualSizeBytes">Bytes allocated on the host.</param>
/// <param name="BackingFile">Backing image of a linked clone, or null.</param>
/// <param name="Snapshots">Internal snapshot names.</param>
public sealed record DiskImageInfo(string Path, DiskFormat Format, long VirtualSizeBytes, long ActualSizeBytes, string? BackingFile, IReadOnlyList<string> Snapshots);
