namespace Fabric.Chaos.Watching;

/// <summary>
/// A QEMU process of a Fabric VM, told from its argv alone: the VM's name from <c>-name guest=NAME</c>,
/// its QMP and guest-agent sockets and pidfile from the <c>-chardev</c> and <c>-pidfile</c> options
/// the agent gives every VM (see src/Fabric.Hypervisor/Qemu/CommandLine).
/// </summary>
public sealed record QemuProcess(ProcessEntry Process, string VmName, string? QmpSocket, string? GuestAgentSocket, string? PidFile)
{
    /// <summary>The process as a QEMU of a VM, or null when it is not one.</summary>
    public static QemuProcess? From(ProcessEntry process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var arguments = process.Arguments;
        if (arguments.Count == 0 || !Path.GetFileName(arguments[0]).StartsWith("qemu-system", StringComparison.Ordinal))
        {
            return null;
        }

        string? name = null, qmp = null, guestAgent = null, pidFile = null;
        for (var i = 0; i + 1 < arguments.Count; i++)
        {
            var value = arguments[i + 1];
            switch (arguments[i])
            {
                case "-name":
                    name = Option(value, "guest") ?? FirstField(value);
                    break;
                case "-pidfile":
                    pidFile = value;
                    break;
                case "-chardev" when Option(value, "id") == "qmp":
                    qmp = Option(value, "path");
                    break;
                case "-chardev" when Option(value, "id") == "qga0":
                    guestAgent = Option(value, "path");
                    break;
            }
        }

        return name is null ? null : new QemuProcess(process, name, qmp, guestAgent, pidFile);
    }

    /// <summary>Every path in the argv that names a file of this VM, for telling its host by data folder.</summary>
    public IEnumerable<string> Paths => new[] { QmpSocket, GuestAgentSocket, PidFile }.OfType<string>();

    /// <summary>The value of <paramref name="key"/> in a QEMU option string (<c>a=1,b=2</c>; a doubled comma is a literal comma).</summary>
    private static string? Option(string text, string key)
    {
        foreach (var part in SplitOptions(text))
        {
            if (part.StartsWith(key + "=", StringComparison.Ordinal))
            {
                return part[(key.Length + 1)..];
            }
        }

        return null;
    }

    private static string? FirstField(string text) => SplitOptions(text).FirstOrDefault(p => !p.Contains('=', StringComparison.Ordinal));

    private static List<string> SplitOptions(string text)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ',' && i + 1 < text.Length && text[i + 1] == ',')
            {
                current.Append(',');
                i++;
            }
            else if (text[i] == ',')
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(text[i]);
            }
        }

        parts.Add(current.ToString());
        return parts;
    }
}
