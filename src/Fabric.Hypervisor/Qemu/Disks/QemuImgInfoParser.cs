using System.Text.Json;

namespace Fabric.Hypervisor.Qemu.Disks;

/// <summary>Reads qemu-img's JSON output.</summary>
internal static class QemuImgInfoParser
{
    public static DiskImageInfo Parse(string path, DiskFormat format, string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var snapshots = root.TryGetProperty("snapshots", out var list)
            ? list.EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToList()
            : [];
        return new DiskImageInfo(
            path,
            format,
            root.GetProperty("virtual-size").GetInt64(),
            root.TryGetProperty("actual-size", out var actual) ? actual.GetInt64() : 0,
            root.TryGetProperty("full-backing-filename", out var backing) ? backing.GetString() : null,
            snapshots);
    }

    public static DiskCheckResult ParseCheck(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var corruptions = Count(root, "corruptions");
        var leaks = Count(root, "leaks");
        var errors = Count(root, "check-errors");
        return new DiskCheckResult(corruptions == 0 && leaks == 0 && errors == 0, corruptions, leaks, json.Trim());
    }

    private static long Count(JsonElement root, string property) => root.TryGetProperty(property, out var value) ? value.GetInt64() : 0;
}
