using Fabric.Cli.Output;
using Fabric.Contracts.Disks;
using Fabric.Contracts.Validation;

namespace Fabric.Cli.Disks;

/// <summary>The table of <c>fabric disk list</c>.</summary>
internal static class DiskTable
{
    public static void Write(IReadOnlyList<DiskInfo> disks, TextWriter output)
    {
        if (disks.Count == 0)
        {
            output.WriteLine("No disks. Create one with `fabric disk create NAME --size 2G`.");
            return;
        }

        var table = new TextTable("NAME", "SIZE", "ALLOCATED", "FORMAT", "POOL", "ATTACHED TO", "SNAPSHOTS");
        foreach (var d in disks.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            table.AddRow(d.Name, Sizes.Describe(d.VirtualSizeBytes), Sizes.Describe(d.AllocatedBytes), d.Format, d.Pool, d.AttachedTo ?? "-",
                d.Snapshots.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        table.WriteTo(output);
    }

    /// <summary>One line about a disk after a change.</summary>
    public static string Summary(DiskInfo disk, string verb) =>
        $"disk {disk.Name} {verb}: {Sizes.Describe(disk.VirtualSizeBytes)} {disk.Format} in pool {disk.Pool}{(disk.AttachedTo is { } vm ? $", attached to {vm}" : "")}";
}
