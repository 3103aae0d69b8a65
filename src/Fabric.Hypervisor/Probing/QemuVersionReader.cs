using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Fabric.Hypervisor.Probing;

/// <summary>Reads the version from <c>qemu-system-x86_64 --version</c> ("QEMU emulator version 7.2.22 (Debian …)").</summary>
public static partial class QemuVersionReader
{
    public static async Task<string> ReadAsync(string qemuBinary, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(qemuBinary) { RedirectStandardOutput = true, UseShellExecute = false, ArgumentList = { "--version" } };
        using var process = Process.Start(start)
            ?? throw new HypervisorException(HypervisorErrorCode.Failed, $"Could not run '{qemuBinary} --version'; is qemu-system-x86 installed?");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return Parse(output);
    }

    public static string Parse(string output)
    {
        var match = VersionPattern().Match(output ?? string.Empty);
        return match.Success ? match.Groups[1].Value : "unknown";
    }

    [GeneratedRegex(@"QEMU emulator version (\d+\.\d+(?:\.\d+)?)")]
    private static partial Regex VersionPattern();
}
