using System.Globalization;
using Fabric.Cli.Output;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;

namespace Fabric.Cli.Vms;

/// <summary>The view of <c>fabric vm show</c>: hardware, disks, NICs, desired vs observed, host, guest, recent events.</summary>
internal static class VmDetails
{
    private const int RecentEvents = 10;

    public static void Write(VmInfo vm, DateTimeOffset now, TextWriter output)
    {
        var hw = vm.Hardware;
        var lines = new List<(string Key, string Value)>
        {
            ("Name", vm.Name),
            ("State", $"{vm.Observed} (desired {vm.Desired}){(string.IsNullOrEmpty(vm.ObservedDetail) ? "" : ": " + vm.ObservedDetail)}"),
            ("Host", vm.Host is null ? "not placed" : $"{vm.Host} (epoch {vm.Epoch})"),
            ("Restart policy", $"{RestartRules.Name(vm.Restart)}{(vm.Restart == RestartPolicy.Never ? " (stays down when its host dies)" : $" (priority {vm.RestartPriority})")}"),
            ("CPUs", hw.VCpus.ToString(CultureInfo.InvariantCulture)),
            ("Memory", Sizes.Describe((long)hw.MemoryMiB << 20)),
            ("Profile", hw.Profile.ToString()),
            ("CD-ROM", hw.Iso ?? "empty"),
            ("Boot order", string.Join(", ", hw.BootOrder)),
            ("COM ports", hw.SerialPorts.ToString(CultureInfo.InvariantCulture)),
            ("SCSI controllers", hw.ScsiControllers.ToString(CultureInfo.InvariantCulture)),
            ("Guest OS", vm.Guest is { } g ? string.Join(' ', new[] { g.OsName, g.OsVersion, $"(kernel {g.KernelRelease})" }.Where(p => p.Length > 0)) : "unknown (no guest agent report)"),
            ("Guest IPs", vm.Guest is { IpAddresses.Count: > 0 } ips ? string.Join(", ", ips.IpAddresses) : "-"),
            ("Created", $"{vm.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}Z ({HumanUnits.Age(vm.CreatedAt, now)})"),
        };
        var width = lines.Max(l => l.Key.Length) + 1;
        foreach (var (key, value) in lines)
        {
            output.WriteLine($"{(key + ":").PadRight(width)} {value}");
        }

        output.WriteLine();
        output.WriteLine("Disks:");
        foreach (var disk in hw.Disks)
        {
            output.WriteLine($"  {disk.Disk} ({disk.Bus})");
        }

        if (hw.Disks.Count == 0)
        {
            output.WriteLine("  none");
        }

        output.WriteLine("NICs:");
        foreach (var nic in hw.Nics)
        {
            output.WriteLine($"  {nic.Id}  {nic.Network}  {nic.Model}  {nic.Mac}");
        }

        if (hw.Nics.Count == 0)
        {
            output.WriteLine("  none");
        }

        output.WriteLine("Recent events:");
        foreach (var e in vm.Events.OrderByDescending(e => e.At).Take(RecentEvents).Reverse())
        {
            output.WriteLine($"  {e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}Z  {e.Message}");
        }
    }
}
