using System.Text.Json;

namespace Fabric.Create.Bench;

internal static class Results
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static async Task WriteAsync(string file, object result)
    {
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(result, Json) + "\n");
        Console.WriteLine($"wrote {file}");
    }
}
