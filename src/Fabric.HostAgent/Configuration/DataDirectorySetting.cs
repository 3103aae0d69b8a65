using Fabric.Contracts.Configuration;

namespace Fabric.HostAgent.Configuration;

/// <summary>Makes sure the data folder exists and is writable, so a bad folder stops the agent at start, not later.</summary>
public static class DataDirectorySetting
{
    public static string Prepare(string path, string setting = "Fabric:DataDir")
    {
        var full = Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, $".write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return full;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidSettingException(setting, $"folder '{full}' is not writable ({ex.Message})",
                $"Create it with write permission for this user, or pass --{setting}=<writable folder>.");
        }
    }
}
