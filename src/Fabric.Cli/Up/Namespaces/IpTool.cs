using System.Diagnostics;

namespace Fabric.Cli.Up.Namespaces;

/// <summary>iproute2's <c>ip</c>, run with an argv and waited for; its output is returned, never parsed from a shell.</summary>
internal static class IpTool
{
    private static readonly string[] Candidates = ["/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"];

    /// <summary>The full path of <c>ip</c>, or null when iproute2 is not installed.</summary>
    public static string? Path { get; } = Candidates.FirstOrDefault(File.Exists);

    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(IReadOnlyList<string> arguments)
    {
        var startInfo = new ProcessStartInfo(Path ?? "ip") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("ip did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Result(process.ExitCode, await output, (await error).Trim());
    }
}
