using System.ComponentModel;
using Fabric.Contracts.Inventory;
using Fabric.Contracts.Rest;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Fabric.Silo.Api;

/// <summary>REST: <c>/api/v1/vms</c>: list, create, show, delete, hardware, disks, exec, screenshot; power actions in <see cref="VmPowerEndpoints"/>.</summary>
public static class VmEndpoints
{
    private const string ListHint = "list VMs with GET /api/v1/vms";

    public static void MapVmEndpoints(this IEndpointRouteBuilder api)
    {
        var vms = api.MapGroup("/vms").WithTags("VMs");

        // Paged as Kubernetes lists are: pass the page's "continue" back for the next; it is null on the last.
        vms.MapGet("/", async Task<Ok<ListPage<VmInfo>>> (
            [Description("VMs per page, 1 to 1000 (default 500).")] int? limit,
            [FromQuery(Name = "continue"), Description("The `continue` of the previous page; leave out for the first.")] string? continueAfter,
            IGrainFactory grains) =>
        {
            var pageSize = limit ?? ListLimits.DefaultLimit;
            Edge.ThrowIfAny(ListLimits.Validate(pageSize, continueAfter));
            return TypedResults.Ok(await grains.GetGrain<IVmListGrain>(0).List(continueAfter, pageSize));
        }).WithName("ListVms").WithSummary("List VMs, a page at a time")
            .WithDescription("Sorted by name. `continue` in the answer is null on the last page; otherwise pass it back for the next.")
            .ProducesProblems(400);

        vms.MapPost("/", async Task<Created<VmInfo>> (CreateVmRequest request, IGrainFactory grains) =>
        {
            Edge.ThrowIfAny(CreateVmRequestValidator.Validate(request));
            var vm = await grains.GetGrain<IVmGrain>(request.Name).Create(request);
            return TypedResults.Created($"/api/v1/vms/{vm.Name}", vm);
        }).WithName("CreateVm").WithSummary("Create a VM (and its new disks); with `start`, start it too")
            .ProducesProblems(400, 404, 409, 415);

        vms.MapGet("/{name}", async Task<Ok<VmInfo>> (string name, IGrainFactory grains) =>
            TypedResults.Ok(Edge.Found(await Vm(grains, name).Get(), "vm", name, ListHint)))
            .WithName("GetVm").WithSummary("Show a VM: desired and observed state, host, hardware, guest")
            .ProducesProblems(400, 404);

        vms.MapGet("/{name}/screenshot", async Task<FileContentHttpResult> (string name, IGrainFactory grains) =>
            TypedResults.File(await Vm(grains, name).Screenshot(), "image/png"))
            .WithName("GetVmScreenshot").WithSummary("Take a PNG screenshot of a running VM's screen")
            .Produces(StatusCodes.Status200OK, typeof(Stream), "image/png")
            .ProducesProblems(400, 404, 409);

        vms.MapDelete("/{name}", async Task<NoContent> (
            string name,
            [Description("Delete the VM's disks too (default: keep them, detached).")] bool? deleteDisks,
            IGrainFactory grains) =>
        {
            var vm = Vm(grains, name);
            Edge.Found(await vm.Get(), "vm", name, ListHint);
            await vm.Delete(deleteDisks ?? false);
            return TypedResults.NoContent();
        }).WithName("DeleteVm").WithSummary("Delete a stopped VM")
            .ProducesProblems(400, 404, 409);

        vms.MapVmPowerEndpoints();

        vms.MapPatch("/{name}/hardware", async Task<Ok<VmInfo>> (string name, HardwareChange change, IGrainFactory grains) =>
        {
            var vm = Vm(grains, name);
            Edge.ThrowIfAny(HardwareChangeValidator.Validate(change));
            return TypedResults.Ok(await vm.ChangeHardware(change));
        }).WithName("ChangeVmHardware").WithSummary("Change a VM's hardware (vCPUs, memory, NICs, ISO, SCSI controllers, serial ports)")
            .ProducesProblems(400, 404, 409, 415);

        vms.MapPost("/{name}/disks", async Task<Ok<VmInfo>> (string name, AttachDiskRequest request, IGrainFactory grains) =>
        {
            var vm = Vm(grains, name);
            Edge.ThrowIfAny(AttachDiskRequestValidator.Validate(request));
            return TypedResults.Ok(await vm.AttachDisk(request.Disk, request.Bus));
        }).WithName("AttachVmDisk").WithSummary("Attach a disk to a VM (hot-plugged when it runs)")
            .ProducesProblems(400, 404, 409, 415);

        vms.MapDelete("/{name}/disks/{disk}", async Task<Ok<VmInfo>> (string name, string disk, IGrainFactory grains) =>
        {
            var vm = Vm(grains, name);
            Edge.Label(disk, "disk", "disk");
            return TypedResults.Ok(await vm.DetachDisk(disk));
        }).WithName("DetachVmDisk").WithSummary("Detach a disk from a VM; the disk is kept")
            .ProducesProblems(400, 404, 409);

        vms.MapPost("/{name}/exec", async Task<Ok<GuestExecResult>> (string name, ExecRequest request, IGrainFactory grains) =>
        {
            var vm = Vm(grains, name);
            Edge.ThrowIfAny(ExecRequestValidator.Validate(request));
            return TypedResults.Ok(await vm.Exec(request.Command, TimeSpan.FromSeconds(request.TimeoutSeconds)));
        }).WithName("ExecInVm").WithSummary("Run a program in a running VM through its guest agent and wait for it")
            .ProducesProblems(400, 404, 409, 415);
    }

    internal static IVmGrain Vm(IGrainFactory grains, string name) => grains.GetGrain<IVmGrain>(Edge.Label(name, "VM"));
}
