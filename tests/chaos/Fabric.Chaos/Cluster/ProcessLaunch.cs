using System.Text;
using Fabric.Testing.Processes;

namespace Fabric.Chaos.Cluster;

/// <summary>
/// How a running process was started — argv, working folder, environment and network namespace — read
/// from <c>/proc</c> while it runs, so the harness can start it again the same way after killing it.
/// </summary>
public sealed record ProcessLaunch(IReadOnlyList<string> Arguments, string WorkingDirectory, IReadOnlyDictionary<string, string> Environment, string? Netns)
{
    public static ProcessLaunch Capture(int pid, string? netns)
    {
        var arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        var directory = new DirectoryInfo($"/proc/{pid}/cwd").LinkTarget ?? "/";
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in Encoding.UTF8.GetString(File.ReadAllBytes($"/proc/{pid}/environ")).Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = variable.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                environment[variable[..equals]] = variable[(equals + 1)..];
            }
        }

        return new ProcessLaunch(arguments, directory, environment, netns);
    }

    /// <summary>Starts the process again (inside its network namespace, if it had one), logging to <paramref name="logPath"/>.</summary>
    public ChildProcess Start(string logPath)
    {
        var (file, arguments) = Netns is null
            ? (Arguments[0], Arguments.Skip(1).ToList())
            : ("ip", ["netns", "exec", Netns, .. Arguments]);
        return ChildProcess.Start(file, arguments, logPath, Environment, WorkingDirectory);
    }
}
