using Fabric.Contracts.Hosts;
using Fabric.Contracts.Rest;
using Fabric.Contracts.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fabric.Silo.Api;

/// <summary>REST: <c>GET /api/v1/hosts</c>, <c>GET /api/v1/hosts/{name}</c> and <c>PUT /api/v1/hosts/{name}/maintenance</c>.</summary>
public static class HostsEndpoints
{
    public static void MapHostsEndpoints(this IEndpointRouteBuilder api)
    {
        var hosts = api.MapGroup("/hosts").WithTags("Hosts");

        hosts.MapGet("/", async Task<Ok<IReadOnlyList<HostInfo>>> (IGrainFactory grains) =>
            TypedResults.Ok(await grains.GetGrain<IHostInventoryGrain>(IHostInventoryGrain.Key).List()))
            .WithName("ListHosts").WithSummary("List hosts");

        hosts.MapGet("/{name}", async Task<Ok<HostInfo>> (string name, IGrainFactory grains) =>
        {
            ValidateHostName(name);
            return TypedResults.Ok(Edge.Found(await grains.GetGrain<IHostGrain>(name).GetInfo(), "host", name,
                "list hosts with GET /api/v1/hosts or start fabric-agent on it"));
        }).WithName("GetHost").WithSummary("Show a host: state, capacity, storage pools, hardware virtualization")
            .ProducesProblems(400, 404);

        hosts.MapPut("/{name}/maintenance", async Task<Ok<HostInfo>> (string name, MaintenanceRequest request, IGrainFactory grains) =>
        {
            ValidateHostName(name);
            Edge.ThrowIfAny(MaintenanceRequestValidator.Validate(request));
            return TypedResults.Ok(await grains.GetGrain<IHostGrain>(name).SetMaintenance(request.Enabled!.Value));
        }).WithName("SetHostMaintenance").WithSummary("Put a host in maintenance (it takes no new VMs) or back in service")
            .ProducesProblems(400, 404, 415);
    }

    private static void ValidateHostName(string name)
    {
        if (HostNames.Validate(name) is { } problem)
        {
            throw FabricException.Invalid("name", problem);
        }
    }
}
