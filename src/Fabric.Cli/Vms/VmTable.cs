using System.Globalization;
using Fabric.Cli.Output;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;

namespace Fabric.Cli.Vms;

/// <summary>The table of <c>fabric vm list</c>.</summary>
internal static class VmTable
{
    public static void Write(IReadOnlyList<VmInfo> vms, TextWriter output)
    {
        if (vms.Count == 0)
        {
            output.WriteLine("No VMs. Create one with `fabric vm create NAME --cpus 1 --memory 512M --disk 2G`.");
            return;
        }

        var table = new TextTable("NAME", "STATE", "DESIRED", "CPUS", "MEMORY", "HOST", "IP");
        foreach (var vm in vms.OrderBy(v => v.Name, StringComparer.Ordinal))
        {
            table.AddRow(
                vm.Name,
                vm.Observed.ToString(),
                vm.Desired.ToString(),
                vm.Hardware.VCpus.ToString(CultureInfo.InvariantCulture),
                Sizes.Describe((long)vm.Hardware.MemoryMiB << 20),
                vm.Host ?? "-",
                vm.Guest?.IpAddresses.FirstOrDefault() ?? "-");
        }

        table.WriteTo(output);
    }
}
