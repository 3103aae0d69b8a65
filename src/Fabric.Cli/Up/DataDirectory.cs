namespace Fabric.Cli.Up;

/// <summary>
/// The folder `fabric up` keeps everything in: <c>fabric.lock</c>, <c>redis/</c> (the AOF) and
/// <c>logs/</c>. Checked writable before anything starts, so the failure is one clear line.
/// </summary>
internal sealed class DataDirectory
{
    private DataDirectory(string root) => Root = root;

    public string Root { get; }

    public string Logs => Path.Combine(Root, "logs");

    public string Redis => Path.Combine(Root, "redis");

    public string LogOf(string child) => Path.Combine(Logs, child + ".log");

    /// <summary>Creates the folder and its children, or returns why it cannot be used.</summary>
    public static (DataDirectory? Directory, string? Error) Prepare(string path)
    {
        var root = Path.GetFullPath(path);
        try
        {
            var directory = new DataDirectory(root);
            Directory.CreateDirectory(directory.Logs);
            Directory.CreateDirectory(directory.Redis);
            // Root can create folders it does not own, and a read-only mount may still list; only a write proves it.
            var probe = Path.Combine(root, $".write-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return (directory, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"data dir {root} is not writable ({e.Message}); pass --data-dir DIR with a folder you can write, " +
                $"or create it for this user: sudo install -d -o {Environment.UserName} {root}");
        }
    }
}
