using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Fabric.Contracts.Vms;

namespace Fabric.Contracts.Rest;

/// <summary>Optional body of <c>POST /api/v1/vms/{name}/shutdown</c> (and restart): how long the guest gets before it is forced off.</summary>
public sealed record PowerRequest
{
    // The attributes describe the field in the OpenAPI document; ShutdownTimeoutRule is what checks it.
    [Description("Seconds the guest gets to shut down before it is forced off; 1 to 3600, 60 when left out.")]
    [Range(ShutdownTimeoutRule.MinSeconds, ShutdownTimeoutRule.MaxSeconds)]
    public int? TimeoutSeconds { get; init; }
}
