using System.Security.Cryptography;
using Fabric.Contracts.Configuration;

namespace Fabric.Silo.Auth;

/// <summary>
/// Finds the admin token at start: the file named by <c>Fabric:AdminTokenFile</c> (which
/// <c>fabric up</c> passes), else <c>&lt;Fabric:DataDir&gt;/admin-token</c>, generated when missing,
/// so a silo started by hand or by a test is never open and its token is one known file away.
/// </summary>
public static class AdminTokenLoader
{
    public const string FileSetting = "Fabric:AdminTokenFile";
    public const string GeneratedFileName = "admin-token";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <exception cref="InvalidSettingException">The configured file cannot be read or is empty.</exception>
    public static AdminToken Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[FileSetting] is { Length: > 0 } configured)
        {
            var path = Path.GetFullPath(configured);
            return new AdminToken(ReadConfigured(path), path, AdminTokenOrigin.ConfiguredFile);
        }

        var dataDir = configuration["Fabric:DataDir"] is { Length: > 0 } dir ? dir : ".fabric";
        var generatedPath = Path.GetFullPath(Path.Combine(dataDir, GeneratedFileName));
        if (TryRead(generatedPath) is { } existing)
        {
            return new AdminToken(existing, generatedPath, AdminTokenOrigin.ReusedGenerated);
        }

        var token = NewToken();
        try
        {
            WriteOwnerOnly(generatedPath, token);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidSettingException("Fabric:DataDir", $"cannot write the generated admin token to {generatedPath} ({e.Message})",
                $"Pass --Fabric:DataDir=DIR with a writable folder, or --{FileSetting}=FILE holding a token.");
        }

        return new AdminToken(token, generatedPath, AdminTokenOrigin.Generated);
    }

    /// <summary>32 random bytes, base64url without padding: safe in a header, a shell and a file.</summary>
    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Writes to a temporary name first, so a reader never sees an empty or half-written token.</summary>
    public static void WriteOwnerOnly(string path, string token)
    {
        ArgumentNullException.ThrowIfNull(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using (var writer = new StreamWriter(temporary, options))
        {
            writer.Write(token + "\n");
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static string ReadConfigured(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidSettingException(FileSetting, $"cannot read {path} ({e.Message})",
                "Point it at a readable file holding the admin token, or leave it unset to generate one in Fabric:DataDir.");
        }

        return text.Length > 0
            ? text
            : throw new InvalidSettingException(FileSetting, $"{path} is empty", "Put the admin token in it (e.g. `openssl rand -base64 32`), or leave the setting unset.");
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim() is { Length: > 0 } token ? token : null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidSettingException("Fabric:DataDir", $"cannot read the admin token in {path} ({e.Message})",
                $"Fix its permissions, delete it to have a new one generated, or pass --{FileSetting}=FILE.");
        }
    }
}
