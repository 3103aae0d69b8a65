using System.Text.Encodings.Web;
using System.Text.Json;

namespace Fabric.Chaos.Bench;

internal static class Results
{
    // Relaxed escaping keeps '>=' and quotes readable in the committed files; they are never embedded in HTML.
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task WriteAsync(string file, object result)
    {
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(result, Json) + "\n");
        Console.WriteLine($"wrote {file}");
    }
}
