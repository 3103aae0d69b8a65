using System.CommandLine;
using System.Text.Json;
using Fabric.Cli.Api;
using Fabric.Cli.Output;
using Fabric.Contracts.Hosts;
using Fabric.Contracts.Rest;

namespace Fabric.Cli.Hosts;

/// <summary><c>fabric host maintenance NAME on|off</c>: a host in maintenance takes no new VMs; <c>off</c> returns it to service.</summary>
internal static class HostMaintenanceCommand
{
    public static Command Create(CliContext context, ApiOptions api)
    {
        var name = new Argument<string>("NAME") { Description = "Host name, as in `fabric host list`" };
        var mode = new Argument<string>("on|off") { Description = "on: no new VMs on this host; off: back in service" };
        mode.AcceptOnlyFromAmong("on", "off");
        var json = JsonOutput.Option();
        var command = new Command("maintenance", "Put a host in maintenance (no new VMs; Pending VMs go elsewhere) or back in service") { name, mode, json };
        command.SetAction((parseResult, cancellationToken) => api.RunAsync(context, parseResult, async client =>
        {
            var hostName = parseResult.GetRequiredValue(name);
            var enabled = parseResult.GetRequiredValue(mode) == "on";
            var response = await client.SendJsonAsync(HttpMethod.Put, $"api/v1/hosts/{Uri.EscapeDataString(hostName)}/maintenance", new MaintenanceRequest { Enabled = enabled }, cancellationToken);
            if (parseResult.GetValue(json))
            {
                return await JsonOutput.WriteAsync(context, response.Body);
            }

            var host = JsonSerializer.Deserialize<HostInfo>(response.Body, FabricJson.Options) ?? throw new JsonException("the host is null");
            await context.Stdout.WriteLineAsync(enabled
                ? $"host {host.Name}: in maintenance; it takes no new VMs ({host.AssignedVms.Count} VM(s) still assigned to it keep running)"
                : $"host {host.Name}: back in service ({host.State})");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
