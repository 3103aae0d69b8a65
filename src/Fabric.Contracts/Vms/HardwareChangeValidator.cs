using System.Text.RegularExpressions;
using Fabric.Contracts.Validation;

namespace Fabric.Contracts.Vms;

/// <summary>
/// Checks a hardware change on its own (no VM at hand) and reports every problem at once. REST,
/// the grain client and the VM grain all call it; rules that need the VM's current hardware or
/// power state live with the grain's hardware planner.
/// </summary>
public static partial class HardwareChangeValidator
{
    public static IReadOnlyList<ValidationProblem> Validate(HardwareChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var problems = new ProblemCollector();
        problems.Check("vCpus", change.VCpus is { } cpus ? HardwareRules.ValidateVCpus(cpus) : null);
        problems.Check("memoryMiB", change.MemoryMiB is { } memory ? HardwareRules.ValidateMemory(memory) : null);
        problems.Check("profile", change.Profile is { } profile ? EnumValues.Validate(profile, "device profile") : null);
        problems.Check("addNic.network", change.AddNic is { } nic ? HardwareRules.ValidateNetwork(nic.Network) : null);
        problems.Check("addNic.mac", change.AddNic?.Mac is { } mac ? MacAddresses.Validate(mac) : null);
        problems.Check("addNic.model", change.AddNic is { } added ? EnumValues.Validate(added.Model, "NIC model") : null);
        problems.Check("removeNic", change.RemoveNic is { } id && !NicId().IsMatch(id)
            ? $"'{ResourceNames.Printable(id)}' is not a NIC id; NICs are named net0, net1, … (see the VM's hardware)" : null);
        problems.Check("insertIso", change.InsertIso is { } iso ? ResourceNames.ValidateImageName(iso) : null);
        problems.Check("insertIso", change.InsertIso is not null && change.EjectIso ? "insert and eject at once; do one" : null);
        return problems.Problems;
    }

    [GeneratedRegex("^net[0-9]{1,2}$")]
    private static partial Regex NicId();
}
