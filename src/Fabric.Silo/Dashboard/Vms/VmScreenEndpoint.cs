using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Fabric.Silo.Dashboard.Login;

namespace Fabric.Silo.Dashboard.Vms;

/// <summary><c>/dashboard/vms/{vm}/screen.png</c>: the running VM's screen for thumbnails, for signed-in users.</summary>
public static class VmScreenEndpoint
{
    public static void MapVmScreenEndpoint(this WebApplication app) =>
        app.MapGet("/dashboard/vms/{vm}/screen.png", async (string vm, IGrainFactory grains) =>
        {
            if (ResourceNames.ValidateLabel(vm, "VM") is { } problem)
            {
                return Results.BadRequest(problem);
            }

            try
            {
                return Results.File(await grains.GetGrain<IVmGrain>(vm).Screenshot(), "image/png");
            }
            catch (FabricException ex)
            {
                return Results.Text(ex.Message, statusCode: ex.Kind == FabricErrorKind.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict);
            }
        }).RequireAuthorization(DashboardAuthentication.Policy);
}
