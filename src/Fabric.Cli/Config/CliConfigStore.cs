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

    public static CliConfigStore For(CliContext context)
    {
        var configHome = context.GetEnvironmentVariable("XDG_CONFIG_HOME");
        if (string.IsNullOrEmpty(configHome))
        {
            var home = context.GetEnvironmentVariable("HOME");
            if (string.IsNullOrEmpty(home))
            {
                home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            }

            configHome = System.IO.Path.Combine(home, ".config");
        }

        return new CliConfigStore(System.IO.Path.Combine(configHome, "fabric", "config.json"));
    }

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
