namespace Fabric.Grains.Disks;

/// <summary>Stored state of one disk.</summary>
public sealed class DiskRecord
{
    public string Pool { get; set; } = "";

    public string Format { get; set; } = "qcow2";

    public string Path { get; set; } = "";

    public long VirtualSizeBytes { get; set; }

    public long AllocatedBytes { get; set; }

    public string? AttachedTo { get; set; }

    public List<string> Snapshots { get; set; } = [];

    public string? BackingDisk { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
