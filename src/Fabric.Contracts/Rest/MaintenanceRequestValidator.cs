using Fabric.Contracts.Validation;

namespace Fabric.Contracts.Rest;

/// <summary>Checks a maintenance request at the edge: <c>enabled</c> must be given.</summary>
public static class MaintenanceRequestValidator
{
    public static IReadOnlyList<ValidationProblem> Validate(MaintenanceRequest? request) =>
        request?.Enabled is null
            ? [new ValidationProblem("enabled", "say true (no new VMs on this host) or false (back in service)")]
            : [];
}
