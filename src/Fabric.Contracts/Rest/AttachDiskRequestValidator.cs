using Fabric.Contracts.Validation;

namespace Fabric.Contracts.Rest;

/// <summary>Checks a disk attachment request on its own and reports every problem at once.</summary>
public static class AttachDiskRequestValidator
{
    public static IReadOnlyList<ValidationProblem> Validate(AttachDiskRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new ProblemCollector();
        problems.Check("disk", ResourceNames.ValidateLabel(request.Disk, "disk"));
        problems.Check("bus", EnumValues.Validate(request.Bus, "disk bus"));
        return problems.Problems;
    }
}
