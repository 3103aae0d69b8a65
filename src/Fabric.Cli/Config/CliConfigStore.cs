using System.Text.Json;
using Fabric.Cli.Api;

namespace Fabric.Cli.Config;

/// <summary>
/// Reads and writes the CLI config file, found the XDG way: <c>$XDG_CONFIG_HOME/fabric/config.json</c>,
/// else <c>$HOME/.config/fabric/config.json</c>. `fabric up` writes it (URL and token, mode 0600) so later commands need no flags.
/// </summary>
internal sealed class CliConfigStore(string path)
{
    public string Path { get; } = path;

    /// <summary>Where `fabric up` writes the .NET client's connection file: next to this one.</summary>
    public string ClientFilePath => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, Client.Connection.FabricConnectionFile.FileName);

    /// <summary>In the Fabric config folder, found as the .NET client finds its file (one XDG lookup for both).</summary>
    public static CliConfigStore For(CliContext context) =>
        new(System.IO.Path.Combine(
            System.IO.Path.GetDirectoryName(Client.Connection.FabricConnectionFile.DefaultPath(context.GetEnvironmentVariable))!,
            "config.json"));

    /// <summary>The saved config, or an empty one when there is none or it cannot be read.</summary>
    public CliConfig Load()
    {
        try
        {
            return JsonSerializer.Deserialize<CliConfig>(File.ReadAllText(Path), FabricJson.Options) ?? new CliConfig(null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return new CliConfig(null);
        }
    }

    public void Save(CliConfig config)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        // Write then rename, so a reader never sees half a file.
        // Owner-only from the first byte: the file holds the cluster's admin token.
        var temporary = Path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, options))
        {
            writer.Write(JsonSerializer.Serialize(config, FabricJson.Options) + "\n");
        }

        File.Move(temporary, Path, overwrite: true);
    }
}
