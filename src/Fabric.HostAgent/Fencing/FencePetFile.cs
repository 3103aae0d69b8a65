using System.Text.Json;

namespace Fabric.HostAgent.Fencing;

/// <summary><c>&lt;data&gt;/fence-pet.json</c>, replaced atomically (temp + rename) so the companion never reads half a pet.</summary>
public static class FencePetFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, "fence-pet.json");

    public static void Write(string dataDirectory, FencePet pet)
    {
        var path = PathIn(dataDirectory);
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(pet, Json));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The pet, or null when there is none or it cannot be read.</summary>
    public static FencePet? Read(string dataDirectory)
    {
        try
        {
            return JsonSerializer.Deserialize<FencePet>(File.ReadAllText(PathIn(dataDirectory)), Json);
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
