using Microsoft.Extensions.Options;

namespace Fabric.Grains.Placement;

/// <summary>Refuses placement settings that cannot work, naming the setting, so the silo stops at start rather than placing wrongly.</summary>
public sealed class PlacementOptionsValidator : IValidateOptions<PlacementOptions>
{
    public ValidateOptionsResult Validate(string? name, PlacementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.HostReserveMiB is < 0 or > 1 << 20)
        {
            problems.Add($"{PlacementOptions.Section}:HostReserveMiB is {options.HostReserveMiB}; give 0 to 1048576 MiB");
        }

        if (!double.IsFinite(options.CpuAllocationRatio) || options.CpuAllocationRatio is < 0.1 or > 64)
        {
            problems.Add($"{PlacementOptions.Section}:CpuAllocationRatio is {options.CpuAllocationRatio}; give 0.1 to 64 (4 lets a host commit 4 vCPUs per CPU)");
        }

        if (!double.IsFinite(options.MemoryAllocationRatio) || options.MemoryAllocationRatio is < 0.1 or > 4)
        {
            problems.Add($"{PlacementOptions.Section}:MemoryAllocationRatio is {options.MemoryAllocationRatio}; give 0.1 to 4 (1 commits no more memory than the host has)");
        }

        if (!Enum.IsDefined(options.Strategy))
        {
            problems.Add($"{PlacementOptions.Section}:Strategy is {options.Strategy}; give Spread or Pack");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
