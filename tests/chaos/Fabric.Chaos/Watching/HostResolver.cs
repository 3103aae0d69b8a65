namespace Fabric.Chaos.Watching;

/// <summary>Tells which host a QEMU process belongs to.</summary>
public sealed class HostResolver(IReadOnlyList<HostIdentity> hosts)
{
    /// <summary>The host's name written when a QEMU belongs to no known host (a stray, or a foreign cluster's).</summary>
    public const string Unknown = "?";

    public IReadOnlyList<HostIdentity> Hosts => hosts;

    public string HostOf(QemuProcess qemu)
    {
        ArgumentNullException.ThrowIfNull(qemu);
        // Paths first: hosts share one network namespace when the cluster runs without root.
        // The longest folder wins, in case one host's folder holds another's.
        foreach (var host in hosts.OrderByDescending(h => h.DataDirectory.Length))
        {
            var folder = host.DataDirectory.TrimEnd('/') + "/";
            if (qemu.Paths.Any(p => p.StartsWith(folder, StringComparison.Ordinal)))
            {
                return host.Name;
            }
        }

        var byNamespace = hosts.Where(h => h.NetworkNamespace is not null && h.NetworkNamespace == qemu.Process.NetworkNamespace).ToList();
        return byNamespace.Count == 1 ? byNamespace[0].Name : Unknown;
    }
}
