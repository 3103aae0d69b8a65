using System.Text.RegularExpressions;
using Fabric.Contracts.Operations;
using Fabric.Contracts.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fabric.Silo.Api;

/// <summary>REST: <c>GET /api/v1/operations/{id}</c>, what 202 answers point at.</summary>
public static partial class OperationEndpoints
{
    public static void MapOperationEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGroup("/operations").WithTags("Operations").MapGet("/{id}", async Task<Ok<OperationInfo>> (string id, IGrainFactory grains) =>
        {
            if (!OperationId().IsMatch(id))
            {
                throw FabricException.Invalid("id", "an operation id is 1 to 64 letters, digits or '-', as a 202 answer gave it");
            }

            return TypedResults.Ok(Edge.Found(await grains.GetGrain<IOperationGrain>(id).Get(), "operation", id,
                "operation ids come from 202 answers (e.g. POST /api/v1/vms/NAME/start)"));
        }).WithName("GetOperation").WithSummary("Show an operation: state, progress, message, events")
            .ProducesProblems(400, 404);
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    private static partial Regex OperationId();
}
