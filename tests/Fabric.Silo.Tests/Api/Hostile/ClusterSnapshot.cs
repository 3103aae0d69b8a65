using System.Text.Json;

namespace Fabric.Silo.Tests.Api.Hostile;

/// <summary>What a request must not change: the names of the VMs, disks and images, and the files in the pool folder.</summary>
internal sealed record ClusterSnapshot(string Vms, string Disks, string Images, string PoolFiles)
{
    public static async Task<ClusterSnapshot> TakeAsync(HttpClient api, string poolFolder)
    {
        ArgumentNullException.ThrowIfNull(api);
        return new ClusterSnapshot(
            await NamesAsync(api, "/api/v1/vms?limit=1000", "items"),
            await NamesAsync(api, "/api/v1/disks", null),
            await NamesAsync(api, "/api/v1/images", null),
            string.Join(", ", Directory.EnumerateFiles(poolFolder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(poolFolder, f)).Order(StringComparer.Ordinal)));
    }

    public override string ToString() => $"VMs [{Vms}]; disks [{Disks}]; images [{Images}]; pool files [{PoolFiles}]";

    private static async Task<string> NamesAsync(HttpClient api, string path, string? itemsProperty)
    {
        using var response = await api.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        var items = itemsProperty is null ? json.RootElement : json.RootElement.GetProperty(itemsProperty);
        return string.Join(", ", items.EnumerateArray().Select(i => i.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
    }
}
