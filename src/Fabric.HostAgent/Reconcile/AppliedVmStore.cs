using System.Text.Json;
using System.Text.Json.Serialization;
using Fabric.HostAgent.Configuration;

namespace Fabric.HostAgent.Reconcile;

/// <summary>Persists <see cref="AppliedVm"/> as one JSON file per VM in <c>&lt;data&gt;/vms/</c>, replaced atomically.</summary>
public sealed class AppliedVmStore(AgentSettings settings)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private string Folder => Path.Combine(settings.DataDirectory, "vms");

    public AppliedVm? Load(string vm)
    {
        var path = PathOf(vm);
        return File.Exists(path) ? JsonSerializer.Deserialize<AppliedVm>(File.ReadAllText(path), Json) : null;
    }

    public void Save(string vm, AppliedVm applied)
    {
        Directory.CreateDirectory(Folder);
        var path = PathOf(vm);
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(applied, Json));
        File.Move(temp, path, overwrite: true);
    }

    public void Delete(string vm) => File.Delete(PathOf(vm));

    private string PathOf(string vm) => Path.Combine(Folder, $"{vm}.json");
}
