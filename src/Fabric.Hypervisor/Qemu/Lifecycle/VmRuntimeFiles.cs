using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fabric.Hypervisor.Qemu.Lifecycle;

/// <summary>Reads and writes the JSON files of a runtime directory (spec.json, exit.json).</summary>
internal static class VmRuntimeFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static void WriteSpec(VmRuntimePaths paths, VmRuntimeSpec spec) => WriteAtomically(paths.SpecFile, JsonSerializer.Serialize(spec, Json));

    public static VmRuntimeSpec? ReadSpec(VmRuntimePaths paths) => Read<VmRuntimeSpec>(paths.SpecFile);

    public static VmExitRecord? ReadExit(VmRuntimePaths paths) => Read<VmExitRecord>(paths.ExitFile);

    /// <summary>Records why the VM exited, unless a reason is already recorded (the first witness knows best).</summary>
    public static void WriteExitOnce(VmRuntimePaths paths, VmExitRecord record)
    {
        if (Directory.Exists(paths.Directory) && !File.Exists(paths.ExitFile))
        {
            WriteAtomically(paths.ExitFile, JsonSerializer.Serialize(record, Json));
        }
    }

    private static T? Read<T>(string path)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json);
        }
        catch (Exception error) when (error is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void WriteAtomically(string path, string content)
    {
        var temporary = path + ".tmp";
        try
        {
            File.WriteAllText(temporary, content);
            File.Move(temporary, path, overwrite: true);
        }
        catch (DirectoryNotFoundException)
        {
            // The runtime directory was removed (the VM was stopped and forgotten meanwhile).
        }
    }
}
