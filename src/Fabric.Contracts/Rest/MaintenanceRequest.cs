using System.ComponentModel;

namespace Fabric.Contracts.Rest;

/// <summary>Body of <c>PUT /api/v1/hosts/{name}/maintenance</c>.</summary>
public sealed record MaintenanceRequest
{
    [Description("true: the host takes no new VMs; false: it returns to service.")]
    public bool? Enabled { get; init; }
}
