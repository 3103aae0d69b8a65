using Fabric.Contracts.Operations;
using Fabric.Contracts.Rest;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Fabric.Silo.Api.OpenApi;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fabric.Silo.Api;

/// <summary>
/// REST: <c>POST /api/v1/vms/{name}/{action}</c>, one route per <see cref="PowerAction"/> (so the OpenAPI
/// document lists each with its own operation), answered 202 with the operation to follow.
/// </summary>
public static class VmPowerEndpoints
{
    public static void MapVmPowerEndpoints(this IEndpointRouteBuilder vms)
    {
        foreach (var action in Enum.GetValues<PowerAction>())
        {
            var route = vms.MapPost($"/{{name}}/{Segment(action)}", (string name, HttpRequest http, IGrainFactory grains) => PowerAsync(action, name, http, grains))
                .WithName($"{action}Vm")
                .WithSummary(Summary(action))
                .WithDescription("Answers at once with the operation; follow it at its `Location` (GET /api/v1/operations/{id}).")
                .ProducesProblems(400, 404, 409);
            if (TakesTimeout(action))
            {
                route.AddOpenApiOperationTransformer(OptionalJsonBody.Describe<PowerRequest>("Optional: how long the guest gets to shut down. No body (or an empty one) keeps the default."));
            }
        }

        // Literal segments win over this one, so it only sees what is not a power action (nor exec, disks):
        // it names the actions rather than leaving the caller with the fallback's "no endpoint".
        vms.MapPost("/{name}/{action}", (string action) => UnknownAction(action)).ExcludeFromDescription();
    }

    private static async Task<Accepted<OperationInfo>> PowerAsync(PowerAction action, string name, HttpRequest http, IGrainFactory grains)
    {
        var vm = VmEndpoints.Vm(grains, name);
        var timeout = await ReadTimeoutAsync(http) switch
        {
            null => (TimeSpan?)null,
            int s when ShutdownTimeoutRule.Validate(s) is { } problem => throw FabricException.Invalid("timeoutSeconds", problem),
            int s => TimeSpan.FromSeconds(s),
        };
        var operation = await vm.Power(action, timeout);
        return TypedResults.Accepted(Edge.OperationUrl(operation.Id), operation);
    }

    /// <summary>
    /// The body is optional and read by hand: a declared optional JSON body would make routing skip these
    /// endpoints for a bodiless POST without a Content-Type. No body (or an empty one) is no timeout.
    /// </summary>
    private static async Task<int?> ReadTimeoutAsync(HttpRequest http)
    {
        if (http.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false } || http.ContentLength == 0)
        {
            return null;
        }

        if (!http.HasJsonContentType())
        {
            throw FabricException.Invalid("body",
                $"the body is '{http.ContentType ?? "without a Content-Type"}', not JSON; send {{\"timeoutSeconds\": N}} as application/json, or no body");
        }

        var body = await http.ReadFromJsonAsync<PowerRequest>(http.HttpContext.RequestAborted);
        return body?.TimeoutSeconds;
    }

    private static bool TakesTimeout(PowerAction action) => action is PowerAction.Shutdown or PowerAction.Restart;

    private static string Segment(PowerAction action) => action.ToString().ToLowerInvariant();

    private static string Summary(PowerAction action) => action switch
    {
        PowerAction.Start => "Start a VM (a suspended one resumes from its saved memory)",
        PowerAction.Shutdown => "Shut a VM down gracefully: guest agent, then ACPI, then forced off after the timeout",
        PowerAction.Stop => "Force a VM off at once",
        PowerAction.Restart => "Restart a VM: graceful shutdown, then start",
        PowerAction.Reset => "Reset a running VM, as the reset button does",
        PowerAction.Pause => "Pause a running VM (its vCPUs stop; memory stays)",
        PowerAction.Resume => "Resume a paused VM",
        PowerAction.Suspend => "Suspend a running VM: save its memory to a file and stop it; start resumes it",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "no summary for this power action; add one"),
    };

    private static IResult UnknownAction(string action) =>
        throw FabricException.NotFound("action", action,
            $"use one of {string.Join(", ", Enum.GetValues<PowerAction>().Select(Segment))}");
}
