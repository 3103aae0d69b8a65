using System.Globalization;

namespace Fabric.Cli.Up;

/// <summary>Names why a child exited: <c>signal KILL</c> for 137 (128 + 9, how .NET reports a signal on Unix), else <c>code N</c>.</summary>
internal static class ExitReasons
{
    private static readonly string[] SignalNames =
    [
        "", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM",
    ];

    public static string Describe(int exitCode)
    {
        var signal = exitCode - 128;
        if (signal is > 0 and < 65)
        {
            return "signal " + (signal < SignalNames.Length ? SignalNames[signal] : signal.ToString(CultureInfo.InvariantCulture));
        }

        return "code " + exitCode.ToString(CultureInfo.InvariantCulture);
    }
}
