using Fabric.Contracts.Validation;

namespace Fabric.Contracts.Disks;

/// <summary>Checks a disk creation request on its own and reports every problem at once.</summary>
public static class CreateDiskRequestValidator
{
    public static IReadOnlyList<ValidationProblem> Validate(CreateDiskRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<ValidationProblem>();
        void Check(string field, string? problem)
        {
            if (problem is not null)
            {
                problems.Add(new ValidationProblem(field, problem));
            }
        }

        Check("name", ResourceNames.ValidateLabel(request.Name, "disk"));
        var sources = new[] { request.SizeBytes is not null, request.FromImage is not null, request.CloneOf is not null }.Count(s => s);
        Check("source", sources == 1 ? null : "give exactly one of a size (empty disk), an image to import (fromImage), or a template disk to clone (cloneOf)");
        Check("sizeBytes", request.SizeBytes is null ? null : DiskRules.ValidateSize(request.SizeBytes));
        Check("format", DiskRules.ValidateFormat(request.Format));
        Check("pool", request.Pool is null ? null : ResourceNames.ValidateLabel(request.Pool, "pool"));
        Check("fromImage", request.FromImage is null ? null : ResourceNames.ValidateImageName(request.FromImage));
        Check("cloneOf", request.CloneOf is null ? null : ResourceNames.ValidateLabel(request.CloneOf, "disk"));
        return problems;
    }
}
