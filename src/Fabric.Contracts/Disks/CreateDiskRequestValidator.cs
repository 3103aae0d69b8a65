using Fabric.Contracts.Validation;

namespace Fabric.Contracts.Disks;

/// <summary>Checks a disk creation request on its own and reports every problem at once.</summary>
public static class CreateDiskRequestValidator
{
    public static IReadOnlyList<ValidationProblem> Validate(CreateDiskRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new ProblemCollector();
        problems.Check("name", ResourceNames.ValidateLabel(request.Name, "disk"));
        var sources = new[] { request.SizeBytes is not null, request.FromImage is not null, request.CloneOf is not null }.Count(s => s);
        problems.Check("source", sources == 1 ? null : "give exactly one of a size (empty disk), an image to import (fromImage), or a template disk to clone (cloneOf)");
        problems.Check("sizeBytes", request.SizeBytes is null ? null : DiskRules.ValidateSize(request.SizeBytes));
        problems.Check("format", DiskRules.ValidateFormat(request.Format));
        problems.Check("pool", request.Pool is null ? null : ResourceNames.ValidateLabel(request.Pool, "pool"));
        problems.Check("fromImage", request.FromImage is null ? null : ResourceNames.ValidateImageName(request.FromImage));
        problems.Check("cloneOf", request.CloneOf is null ? null : ResourceNames.ValidateLabel(request.CloneOf, "disk"));
        return problems.Problems;
    }
}
