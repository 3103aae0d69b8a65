using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fabric.Client.Connection;

/// <summary>
/// How a .NET program finds a Fabric cluster: the file <c>fabric up</c> writes to
/// <c>$XDG_CONFIG_HOME/fabric/client.json</c> (else <c>~/.config/fabric/client.json</c>), next to the CLI's
/// <c>config.json</c>, and <c>services.AddFabricClient(configuration)</c> reads.
/// It holds no secret.
/// </summary>
public sealed record FabricConnectionFile
{
    /// <summary>The file's name in the Fabric config folder.</summary>
    public const string FileName = "client.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The Orleans cluster id of the cluster's silos.</summary>
    public string ClusterId { get; init; } = FabricConnectionSettings.DefaultClusterId;

    /// <summary>The Orleans service id; it keys grain state, so it is the same for every cluster of one installation.</summary>
    public string ServiceId { get; init; } = FabricConnectionSettings.DefaultServiceId;

    /// <summary>The Redis endpoint (<c>host:port</c>) where the silos register: the client finds the gateways there. Null for an in-memory cluster.</summary>
    public string? Redis { get; init; }

    /// <summary>Gateway endpoints (<c>host:port</c>): used when <see cref="Redis"/> is null, informative otherwise (they change at every start).</summary>
    public IReadOnlyList<string> Gateways { get; init; } = [];

    /// <summary>The default place: <c>$XDG_CONFIG_HOME/fabric/client.json</c>, else <c>$HOME/.config/fabric/client.json</c>.</summary>
    public static string DefaultPath(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var configHome = environment("XDG_CONFIG_HOME");
        if (string.IsNullOrEmpty(configHome))
        {
            var home = environment("HOME");
            if (string.IsNullOrEmpty(home))
            {
                home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            }

            configHome = Path.Combine(home, ".config");
        }

        return Path.Combine(configHome, "fabric", FileName);
    }

    /// <summary>Reads <paramref name="path"/>; null when there is no such file; <see cref="FabricConnectionException"/> when it cannot be read.</summary>
    public static FabricConnectionFile? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<FabricConnectionFile>(File.ReadAllText(path), Json)
                ?? throw new FabricConnectionException($"the Fabric client file {path} is empty; run ./fabric up again to rewrite it, or set Fabric:Client:Redis or Fabric:Client:Gateways");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new FabricConnectionException($"cannot read the Fabric client file {path}: {e.Message}; run ./fabric up again to rewrite it, or set Fabric:Client:Redis or Fabric:Client:Gateways", e);
        }
    }

    /// <summary>Writes the file (through a temporary file and a rename, so a reader never sees half of it).</summary>
    public void Write(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json) + "\n");
        File.Move(temporary, path, overwrite: true);
    }
}
