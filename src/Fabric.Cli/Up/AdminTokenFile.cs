using System.Security.Cryptography;

namespace Fabric.Cli.Up;

/// <summary>
/// The cluster's admin token in <c>&lt;data dir&gt;/admin-token</c> (mode 0600): created once, on the first
/// `fabric up`, from 32 random bytes (base64url), and reused on every later start, so saved CLI
/// configs keep working. The silo is pointed at the file with <c>--Fabric:AdminTokenFile</c>.
/// </summary>
internal sealed record AdminTokenFile(string Path, string Token, bool Created)
{
    public const string FileName = "admin-token";

    public static AdminTokenFile Ensure(string dataRoot)
    {
        var path = System.IO.Path.Combine(dataRoot, FileName);
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } existing)
        {
            return new AdminTokenFile(path, existing, Created: false);
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, options))
        {
            writer.Write(token + "\n");
        }

        File.Move(temporary, path, overwrite: true);
        return new AdminTokenFile(path, token, Created: true);
    }
}
