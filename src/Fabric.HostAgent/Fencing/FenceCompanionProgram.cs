using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Fabric.HostAgent.Fencing;

/// <summary>
/// The agent binary's <c>--fence-companion</c> mode: <c>fabric-agent --fence-companion --Fabric:DataDir=DIR
/// --Fabric:Fencing:AgentPid=PID --Fabric:Fencing:AgentStartTime=TICKS</c>. It leaves the agent's session (so signals to the agent's process
/// group miss it), writes to <c>&lt;data&gt;/fence-companion.log</c>, and runs only once per data folder
/// (an exclusive lock on <c>fence.lock</c>; its pid in <c>fence-companion.pid</c>).
/// </summary>
public static class FenceCompanionProgram
{
    public const string Flag = "--fence-companion";

    public static async Task<int> RunAsync(string[] args)
    {
        var config = new ConfigurationBuilder().AddCommandLine([.. args.Where(a => a != Flag)]).Build();
        if (config["Fabric:DataDir"] is not { Length: > 0 } dataDirectory
            || !int.TryParse(config["Fabric:Fencing:AgentPid"], CultureInfo.InvariantCulture, out var agentPid)
            || !long.TryParse(config["Fabric:Fencing:AgentStartTime"], CultureInfo.InvariantCulture, out var agentStartTime))
        {
            await Console.Error.WriteLineAsync("fabric-agent --fence-companion: cannot start: pass --Fabric:DataDir=<agent data folder>, "
                + "--Fabric:Fencing:AgentPid=<agent pid> and --Fabric:Fencing:AgentStartTime=<field 22 of its /proc/<pid>/stat>.");
            return 2;
        }

        PosixProcesses.NewSession();
        using var log = new FileStream(Path.Combine(dataDirectory, "fence-companion.log"), FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        using var nothing = new FileStream("/dev/null", FileMode.Open, FileAccess.Read);
        PosixProcesses.Redirect(nothing.SafeFileHandle, 0);
        PosixProcesses.Redirect(log.SafeFileHandle, 1);
        PosixProcesses.Redirect(log.SafeFileHandle, 2);

        FileStream companionLock;
        try
        {
            companionLock = new FileStream(Path.Combine(dataDirectory, "fence.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return 0; // another companion watches this folder already
        }

        var pidPath = Path.Combine(dataDirectory, "fence-companion.pid");
        using (companionLock)
        {
            await File.WriteAllTextAsync(pidPath, Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
            using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "yyyy-MM-dd HH:mm:ss.fff ";
            }));
            await new FenceCompanion(dataDirectory, new FencedProcess("agent", agentPid, agentStartTime), loggers.CreateLogger<FenceCompanion>()).RunAsync(CancellationToken.None);
            File.Delete(pidPath);
        }

        return 0;
    }
}
