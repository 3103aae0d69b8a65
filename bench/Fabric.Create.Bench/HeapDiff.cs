using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Fabric.Create.Bench;

/// <summary>
/// What the silo's managed heap gained between two <c>dotnet-gcdump report</c> outputs, by type:
/// the report lists each type as object size, count, name (size × count = the type's bytes).
/// </summary>
internal static partial class HeapDiff
{
    public static string Describe(string reportBefore, string reportAfter, int vms, int top = 30)
    {
        var (before, heapBefore) = Parse(reportBefore);
        var (after, heapAfter) = Parse(reportAfter);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"GC heap {heapBefore / 1048576.0:0.0} MiB -> {heapAfter / 1048576.0:0.0} MiB: {(heapAfter - heapBefore) / Math.Max(vms, 1)} bytes per VM of managed objects (RSS grows more: GC segments kept, LOH fragmentation, native memory)");
        text.AppendLine("   bytes/VM   +objects  type");
        foreach (var (type, bytes, count) in after.Keys.Union(before.Keys)
                     .Select(t => (t, after.GetValueOrDefault(t).Bytes - before.GetValueOrDefault(t).Bytes, after.GetValueOrDefault(t).Count - before.GetValueOrDefault(t).Count))
                     .OrderByDescending(d => d.Item2).Take(top))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{bytes / Math.Max(vms, 1),11} {count,10}  {(type.Length > 160 ? type[..160] : type)}");
        }

        return text.ToString();
    }

    private static (Dictionary<string, (long Bytes, long Count)> Types, long Heap) Parse(string report)
    {
        var types = new Dictionary<string, (long Bytes, long Count)>(StringComparer.Ordinal);
        long heap = 0;
        foreach (var line in report.Split('\n'))
        {
            if (HeapLine().Match(line) is { Success: true } total)
            {
                heap = Number(total.Groups["bytes"].Value);
            }
            else if (TypeLine().Match(line) is { Success: true } row)
            {
                var count = Number(row.Groups["count"].Value);
                var key = row.Groups["type"].Value.Trim();
                var (bytes, objects) = types.GetValueOrDefault(key);
                types[key] = (bytes + (Number(row.Groups["size"].Value) * count), objects + count);
            }
        }

        return (types, heap);
    }

    private static long Number(string text) => long.Parse(text.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*(?<bytes>[\d,]+)\s+GC Heap bytes")]
    private static partial Regex HeapLine();

    [GeneratedRegex(@"^\s*(?<size>[\d,]+)\s+(?<count>[\d,]+)\s+(?<type>\S.*)$")]
    private static partial Regex TypeLine();
}
