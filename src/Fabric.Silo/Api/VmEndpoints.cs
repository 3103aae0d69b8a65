using Fabric.Contracts.Inventory;
using Fabric.Contracts.Rest;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Microsoft.AspNetCore.Mvc;

namespace Fabric.Silo.Api;

/// <summary>REST: <c>/api/v1/vms</c>: list, create, show, delete, power actions, hardware, disks, exec, screenshot.</summary>
public static class VmEndpoints
{
    private const string ListHint = "list VMs with GET /api/v1/vms";

    public static void MapVmEndpoints(this IEndpointRouteBuilder api)
    {
        var vms = api.MapGroup("/vms").WithTags("VMs");

        // Paged as Kubernetes lists are: pass the page's "continue" back for the next; it is null on the last.
        vms.MapGet("/", async (int? limit, [FromQuery(Name = "continue")] string? continueAfter, IGrainFactory grains) =>
        {
            var pageSize = limit ?? ListLimits.DefaultLimit;
            Edge.ThrowIfAny(ListLimits.Validate(pageSize, continueAfter));
            return Results.Ok(await grains.GetGrain<IVmListGrain>(0).List(continueAfter, pageSize));
        }).WithName("ListVms");

        vms.MapPost("/", async (CreateVmRequest request, IGrainFactory grains) =>
        {
            Edge.ThrowIfAny(CreateVmRequestValidator.Validate(request));
            var vm = await grains.GetGrain<IVmGrain>(request.Name).Create(request);
            return Results.Created($"/api/v1/vms/{vm.Name}", vm);
        }).WithName("CreateVm");

        vms.MapGet("/{name}", async (string name, IGrainFactory grains) =>
            Results.Ok(Edge.Found(await Vm(grains, name).Get(), "vm", name, ListHint))).WithName("GetVm");

        vms.MapGet("/{name}/screenshot", async (string name, IGrainFactory grains) =>
            Results.File(await Vm(grains, name).Screenshot(), "image/png")).WithName("GetVmScreenshot");

        vms.MapDelete("/{name}", async (string name, bool? deleteDisks, IGrainFactory grains) =>
        {
            var vm = Vm(grains, name);
            Edge.Found(await vm.Get(), "vm", name, ListHint);
            await vm.Delete(deleteDisks ?? false);
            return Results.NoContent();
        }).WithName("DeleteVm");

        vms.MapPost("/{name}/{action}", async (string name, string action, HttpRequest http, IGrainFactory grains) =>
        {
            var power = ParseAction(action);
            // The body is optional and read by hand: a declared optional JSON body would make routing
            // skip this endpoint for a bodiless POST without a Content-Type.
            var body = http.ContentLength > 0 || http.HasJsonContentType()
                ? await http.ReadFromJsonAsync<PowerRequest>(http.HttpContext.RequestAborted)
                : null;
            var timeout = body?.TimeoutSeconds switch
            {
                null => (TimeSpan?)null,
                int s when ShutdownTimeoutRule.Validate(s) is { } problem => throw FabricException.Invalid("timeoutSeconds", problem),
                int s => TimeSpan.FromSeconds(s),
            };
            var operation = await Vm(grains, name).Power(power, timeout);
            return Results.Accepted(Edge.OperationUrl(operation.Id), operation);
        }).WithName("VmPowerAction");

        vms.MapPatch("/{name}/hardware", async (string name, HardwareChange change, IGrainFactory grains) =>
        {
            var vm = Vm(grains, name);
            Edge.ThrowIfAny(HardwareChangeValidator.Validate(change));
            return Results.Ok(await vm.ChangeHardware(change));
        }).WithName("ChangeVmHardware");

        vms.MapPost("/{name}/disks", async (string name, AttachDiskRequest request, IGrainFactory grains) =>
        {
            var vm = Vm(grains, name);
            Edge.ThrowIfAny(AttachDiskRequestValidator.Validate(request));
            return Results.Ok(await vm.AttachDisk(request.Disk, request.Bus));
        }).WithName("AttachVmDisk");

        vms.MapDelete("/{name}/disks/{disk}", async (string name, string disk, IGrainFactory grains) =>
        {
            var vm = Vm(grains, name);
            Edge.Label(disk, "disk", "disk");
            return Results.Ok(await vm.DetachDisk(disk));
        }).WithName("DetachVmDisk");

        vms.MapPost("/{name}/exec", async (string name, ExecRequest request, IGrainFactory grains) =>
        {
            var vm = Vm(grains, name);
            Edge.ThrowIfAny(ExecRequestValidator.Validate(request));
            return Results.Ok(await vm.Exec(request.Command, TimeSpan.FromSeconds(request.TimeoutSeconds)));
        }).WithName("ExecInVm");
    }

    private static IVmGrain Vm(IGrainFactory grains, string name) => grains.GetGrain<IVmGrain>(Edge.Label(name, "VM"));

    /// <summary>The power actions by their URL segment; anything else is not a route of this API.</summary>
    private static PowerAction ParseAction(string action) =>
        action.All(char.IsAsciiLetterLower) && Enum.TryParse<PowerAction>(action, ignoreCase: true, out var parsed)
            ? parsed
            : throw FabricException.NotFound("action", action,
                $"use one of {string.Join(", ", Enum.GetValues<PowerAction>().Select(a => a.ToString().ToLowerInvariant()))}");
}
