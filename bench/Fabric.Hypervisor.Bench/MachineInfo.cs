namespace Fabric.Hypervisor.Bench;

/// <summary>What the numbers were measured on.</summary>
internal static class MachineInfo
{
    public static object Read()
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
        var memKb = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return new
        {
            cpuModel = cpu ?? "unknown",
            cores = Environment.ProcessorCount,
            memoryMiB = long.Parse(memKb, System.Globalization.CultureInfo.InvariantCulture) / 1024,
            os = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        };
    }
}
