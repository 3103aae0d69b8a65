using Fabric.Cli.Output;
using Fabric.Contracts.Hosts;
using Fabric.Contracts.Validation;

namespace Fabric.Cli.Hosts;

/// <summary>The table of <c>fabric host list</c>.</summary>
internal static class HostTable
{
    private const int AccelerationWidth = 60;

    public static void Write(IReadOnlyList<HostInfo> hosts, DateTimeOffset now, TextWriter output)
    {
        if (hosts.Count == 0)
        {
            output.WriteLine("No hosts registered. A host appears when its agent first heartbeats (`fabric up` starts one).");
            return;
        }

        var table = new TextTable("NAME", "STATE", "LEASE", "CPUS", "MEMORY", "DRIVER", "ACCEL", "LAST HEARTBEAT");
        foreach (var host in hosts.OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            var capabilities = host.Capabilities;
            table.AddRow(
                host.Name,
                host.State.ToString(),
                HostLeaseText.Short(host, now),
                capabilities?.CpuCount.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                capabilities is null ? "-" : Sizes.Describe(capabilities.MemoryBytes),
                capabilities?.HypervisorDriver ?? "-",
                capabilities is null ? "-" : HumanUnits.Truncate(Acceleration.Describe(capabilities.HardwareVirtualization), AccelerationWidth),
                host.LastHeartbeat is { } heartbeat ? HumanUnits.Age(heartbeat, now) : "never");
        }

        table.WriteTo(output);
    }
}
