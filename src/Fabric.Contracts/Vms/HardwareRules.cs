using System.Text.RegularExpressions;
using Fabric.Contracts.Validation;

namespace Fabric.Contracts.Vms;

/// <summary>Single-value hardware checks shared by creation and later changes.</summary>
public static partial class HardwareRules
{
    public static string? ValidateVCpus(int vcpus) =>
        vcpus is < 1 or > Limits.MaxVCpus ? $"{vcpus} vCPUs asked; a VM has 1 to {Limits.MaxVCpus}" : null;

    public static string? ValidateMemory(int memoryMiB) =>
        memoryMiB is < Limits.MinMemoryMiB or > Limits.MaxMemoryMiB
            ? $"{memoryMiB} MiB of memory asked; a VM has {Limits.MinMemoryMiB} MiB to {Limits.MaxMemoryMiB / 1024} GiB"
            : null;

    /// <summary><c>user</c>, or a Linux bridge name (at most 15 characters, no '/', no spaces).</summary>
    public static string? ValidateNetwork(string network) =>
        network == "user" || BridgeName().IsMatch(network ?? "")
            ? null
            : $"network '{ResourceNames.Printable(network ?? "")}' is neither 'user' nor a bridge name (letters, digits, '-', '_', '.', at most 15)";

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,14}$")]
    private static partial Regex BridgeName();
}
