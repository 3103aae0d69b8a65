using Fabric.Contracts.Hosts;
using Fabric.Contracts.Validation;

namespace Fabric.Silo.Api;

/// <summary>REST: <c>GET /api/v1/hosts</c> and <c>GET /api/v1/hosts/{name}</c>.</summary>
public static class HostsEndpoints
{
    public static void MapHostsEndpoints(this IEndpointRouteBuilder api)
    {
        var hosts = api.MapGroup("/hosts").WithTags("Hosts");

        hosts.MapGet("/", async (IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<IHostInventoryGrain>(IHostInventoryGrain.Key).List()))
            .WithName("ListHosts");

        hosts.MapGet("/{name}", async (string name, IGrainFactory grains) =>
        {
            if (HostNames.Validate(name) is { } problem)
            {
                throw FabricException.Invalid("name", problem);
            }

            return Results.Ok(Edge.Found(await grains.GetGrain<IHostGrain>(name).GetInfo(), "host", name,
                "list hosts with GET /api/v1/hosts or start fabric-agent on it"));
        }).WithName("GetHost");
    }
}
