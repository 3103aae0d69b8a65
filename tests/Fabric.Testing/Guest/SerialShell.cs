using System.Text;

namespace Fabric.Testing.Guest;

/// <summary>
/// Runs a command in the test guest's root shell on a serial console (the guest without an agent
/// has no other way in) and returns what it printed. The begin and end markers are computed by the
/// shell, so they appear only in its answer, never in the echo of the typed line.
/// </summary>
public static class SerialShell
{
    private const string Begin = "FABRIC-OUT-BEGIN-42";
    private const string End = "FABRIC-OUT-END-42";

    /// <summary>The command's output lines (carriage returns removed), or a failure showing everything the console printed.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(Stream console, string command, TimeSpan deadline)
    {
        ArgumentNullException.ThrowIfNull(console);
        var line = $"echo FABRIC-OUT-BEGIN-$((6*7)); {command}; echo FABRIC-OUT-END-$((6*7))\n";
        await console.WriteAsync(Encoding.ASCII.GetBytes(line));
        await console.FlushAsync();

        var seen = new StringBuilder();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            while (!seen.ToString().Contains(End, StringComparison.Ordinal))
            {
                var read = await console.ReadAsync(buffer, timeout.Token);
                Assert.True(read > 0, $"the serial console closed before '{command}' finished; it printed:\n{seen}");
                seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"'{command}' gave no answer on the serial console within {deadline}; it printed:\n{seen}");
        }

        var text = seen.ToString().Replace("\r", "", StringComparison.Ordinal);
        var begin = text.IndexOf(Begin + "\n", StringComparison.Ordinal);
        Assert.True(begin >= 0, $"'{command}' printed no begin marker on the serial console; it printed:\n{text}");
        var output = text[(begin + Begin.Length + 1)..text.IndexOf(End, begin, StringComparison.Ordinal)];
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The network card behind eth0 as the guest's kernel sees it: PCI vendor id, device id and bound driver.</summary>
    public static Task<IReadOnlyList<string>> DescribeEth0Async(Stream console, TimeSpan deadline) =>
        RunAsync(console, "cat /sys/class/net/eth0/device/vendor /sys/class/net/eth0/device/device; basename $(readlink /sys/class/net/eth0/device/driver)", deadline);
}
