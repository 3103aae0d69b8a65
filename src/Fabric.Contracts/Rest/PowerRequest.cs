namespace Fabric.Contracts.Rest;

/// <summary>Optional body of <c>POST /api/v1/vms/{name}/shutdown</c> (and restart): how long the guest gets before it is forced off.</summary>
public sealed record PowerRequest
{
    public int? TimeoutSeconds { get; init; }
}
