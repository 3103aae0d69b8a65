using System.Diagnostics;
using System.Globalization;
using Fabric.HostAgent.Configuration;

namespace Fabric.HostAgent.Fencing;

/// <summary>
/// Starts the host's fence companion when none runs for this data folder: at agent start, and again
/// whenever the agent pets and finds it gone. It is started detached (it takes a session of its own
/// and nothing tells it when the agent dies), so it outlives a <c>kill -9</c> of the agent.
/// </summary>
public sealed partial class FenceCompanionLauncher(AgentSettings settings, TimeProvider time, ILogger<FenceCompanionLauncher> logger)
{
    /// <summary>How long a just-started companion has to write its pid before another is started.</summary>
    private static readonly TimeSpan StartGrace = TimeSpan.FromSeconds(5);
    private readonly long _startTime = ProcessStartTime.Read(Environment.ProcessId)
        ?? throw new InvalidOperationException("cannot read this process's start time from /proc; fencing needs Linux /proc");

    private long? _launchedAt;

    public void EnsureRunning()
    {
        if (IsRunning() || (_launchedAt is { } at && time.GetElapsedTime(at) < StartGrace))
        {
            return;
        }

        var entry = typeof(FenceCompanionLauncher).Assembly.Location;
        var host = Environment.ProcessPath ?? "dotnet";
        // Its stdio are pipes to this agent, closed at once, never this agent's own: the runtime keeps
        // copies of a process's first stdio, and a companion outliving the agent must not hold the
        // agent's output open (whoever reads it would never see it end).
        var info = new ProcessStartInfo(host)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            info.ArgumentList.Add(entry);
        }

        info.ArgumentList.Add(FenceCompanionProgram.Flag);
        info.ArgumentList.Add($"--Fabric:DataDir={settings.DataDirectory}");
        info.ArgumentList.Add($"--Fabric:Fencing:AgentPid={Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}");
        info.ArgumentList.Add($"--Fabric:Fencing:AgentStartTime={_startTime.ToString(CultureInfo.InvariantCulture)}");
        using var companion = Process.Start(info) ?? throw new InvalidOperationException($"could not start the fence companion ({host})");
        companion.StandardInput.Close();
        companion.StandardOutput.Close();
        companion.StandardError.Close();
        _launchedAt = time.GetTimestamp();
        LogLaunched(logger, companion.Id, settings.DataDirectory);
    }

    private bool IsRunning()
    {
        try
        {
            var pidPath = Path.Combine(settings.DataDirectory, "fence-companion.pid");
            return int.TryParse(File.ReadAllText(pidPath).Trim(), CultureInfo.InvariantCulture, out var pid)
                && File.ReadAllText($"/proc/{pid}/cmdline").Split('\0') is var argv
                && argv.Contains(FenceCompanionProgram.Flag) && argv.Contains($"--Fabric:DataDir={settings.DataDirectory}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Started the fence companion (pid {Pid}) for {DataDirectory}: it kills this host's HA VMs if this agent stops renewing the lease; its log is fence-companion.log there")]
    private static partial void LogLaunched(ILogger logger, int pid, string dataDirectory);
}
