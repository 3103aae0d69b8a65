using System.Diagnostics;
using Fabric.Chaos.Cluster;

namespace Fabric.Chaos.Faults;

/// <summary>The host's network cut: its veth link down (<c>ip link set VETH down</c>), up again at the trial's end.</summary>
public sealed class NetworkCut : Fault
{
    public override string Name => "network-cut";

    public override bool FailsHost => true;

    public override Task InjectAsync(ClusterUnderTest cluster, string host) => SetLinkAsync(cluster, host, "down");

    public override async Task HealAsync(ClusterUnderTest cluster, string host)
    {
        await SetLinkAsync(cluster, host, "up");
        await EnsureAgentRunsAsync(cluster, host);
    }

    private static async Task SetLinkAsync(ClusterUnderTest cluster, string host, string state)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var entry = cluster.Host(host);
        if (!cluster.File.Namespaces || entry.Veth is null)
        {
            throw new InvalidOperationException($"host {host} has no network namespace of its own (cluster.json: namespaces false); a network cut needs fabric up as root.");
        }

        // The link's end outside the namespace first; the end inside it if that is the one named.
        if (await RunAsync("ip", "link", "set", entry.Veth, state) != 0 && entry.Netns is not null)
        {
            var code = await RunAsync("ip", "-n", entry.Netns, "link", "set", entry.Veth, state);
            if (code != 0)
            {
                throw new InvalidOperationException($"ip link set {entry.Veth} {state} failed (exit {code}) for host {host}, in and outside namespace {entry.Netns}.");
            }
        }
    }

    private static async Task<int> RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
