using Fabric.Contracts.Hosts;
using Fabric.Contracts.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fabric.Silo.Api;

/// <summary>REST: <c>GET /api/v1/hosts</c> and <c>GET /api/v1/hosts/{name}</c>.</summary>
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
            if (HostNames.Validate(name) is { } problem)
            {
                throw FabricException.Invalid("name", problem);
            }

            return TypedResults.Ok(Edge.Found(await grains.GetGrain<IHostGrain>(name).GetInfo(), "host", name,
                "list hosts with GET /api/v1/hosts or start fabric-agent on it"));
        }).WithName("GetHost").WithSummary("Show a host: state, capacity, storage pools, hardware virtualization")
            .ProducesProblems(400, 404);
    }
}
