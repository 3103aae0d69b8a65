using System.Globalization;
using Fabric.Cli.Output;
using Fabric.Contracts.Hosts;
using Fabric.Contracts.Validation;

namespace Fabric.Cli.Hosts;

/// <summary>The key/value view of <c>fabric host show</c>.</summary>
internal static class HostDetails
{
    public static void Write(HostInfo host, DateTimeOffset now, TextWriter output)
    {
        var lines = new List<(string Key, string Value)>
        {
            ("Name", host.Name),
            ("State", string.IsNullOrEmpty(host.StateReason) ? host.State.ToString() : $"{host.State} ({host.StateReason})"),
            ("Registered", Timestamp(host.RegisteredAt, now)),
            ("Last heartbeat", host.LastHeartbeat is { } heartbeat ? Timestamp(heartbeat, now) : "never"),
            ("Lease", HostLeaseText.Long(host, now)),
            ("Declared dead", host.FencedAt is { } fenced ? Timestamp(fenced, now) : "never"),
            ("Running VMs", host.RunningVms.Count == 0 ? "none" : string.Join(", ", host.RunningVms)),
        };

        if (host.Capabilities is { } capabilities)
        {
            lines.Add(("CPU", $"{capabilities.CpuCount} × {capabilities.CpuModel}"));
            lines.Add(("Memory", Sizes.Describe(capabilities.MemoryBytes)));
            lines.Add(("Hypervisor", $"{capabilities.HypervisorDriver} {capabilities.HypervisorVersion}".TrimEnd()));
            lines.Add(("Acceleration", Acceleration.Describe(capabilities.HardwareVirtualization)));
            lines.Add(("OS", capabilities.OperatingSystem));
            lines.Add(("Agent", capabilities.AgentVersion));
            foreach (var pool in capabilities.StoragePools)
            {
                lines.Add(($"Pool {pool.Name}", $"{pool.Path}: {Sizes.Describe(pool.FreeBytes)} free of {Sizes.Describe(pool.TotalBytes)}"));
            }
        }

        var width = lines.Max(line => line.Key.Length) + 1;
        foreach (var (key, value) in lines)
        {
            output.WriteLine($"{(key + ":").PadRight(width)} {value}");
        }
    }

    private static string Timestamp(DateTimeOffset at, DateTimeOffset now) =>
        $"{at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}Z ({HumanUnits.Age(at, now)})";
}
