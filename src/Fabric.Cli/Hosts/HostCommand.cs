using System.CommandLine;
using System.Text.Json;
using Fabric.Cli.Api;
using Fabric.Contracts.Hosts;

namespace Fabric.Cli.Hosts;

/// <summary><c>fabric host list|show|maintenance</c>: the cluster's hosts, as the REST API reports them.</summary>
internal static class HostCommand
{
    public static Command Create(CliContext context)
    {
        var api = new ApiOptions();
        var host = new Command("host", "Physical hosts of the cluster");
        api.AddTo(host);
        host.Subcommands.Add(CreateList(context, api));
        host.Subcommands.Add(CreateShow(context, api));
        host.Subcommands.Add(HostMaintenanceCommand.Create(context, api));
        return host;
    }

    private static Command CreateList(CliContext context, ApiOptions api)
    {
        var json = JsonOption();
        var list = new Command("list", "List hosts: state, size, hypervisor and last heartbeat") { json };
        list.Aliases.Add("ls");
        list.SetAction((parseResult, cancellationToken) => api.RunAsync(context, parseResult, async client =>
        {
            var body = await client.GetJsonAsync("api/v1/hosts", cancellationToken)
                ?? throw new FabricApiException($"the API at {client.ApiUrl} has no /api/v1/hosts; is it a Fabric API?");
            if (parseResult.GetValue(json))
            {
                await context.Stdout.WriteLineAsync(FabricJson.Indent(body));
                return ExitCodes.Ok;
            }

            var hosts = JsonSerializer.Deserialize<List<HostInfo>>(body, FabricJson.Options) ?? [];
            HostTable.Write(hosts, context.Time.GetUtcNow(), context.Stdout);
            return ExitCodes.Ok;
        }));
        return list;
    }

    private static Command CreateShow(CliContext context, ApiOptions api)
    {
        var json = JsonOption();
        var name = new Argument<string>("NAME") { Description = "Host name, as in `fabric host list`" };
        var show = new Command("show", "Show one host in detail") { name, json };
        show.SetAction((parseResult, cancellationToken) => api.RunAsync(context, parseResult, async client =>
        {
            var hostName = parseResult.GetRequiredValue(name);
            var body = await client.GetJsonAsync($"api/v1/hosts/{Uri.EscapeDataString(hostName)}", cancellationToken);
            if (body is null)
            {
                await context.Stderr.WriteLineAsync($"host '{hostName}' is not registered");
                return ExitCodes.Failure;
            }

            if (parseResult.GetValue(json))
            {
                await context.Stdout.WriteLineAsync(FabricJson.Indent(body));
                return ExitCodes.Ok;
            }

            var host = JsonSerializer.Deserialize<HostInfo>(body, FabricJson.Options)
                ?? throw new JsonException("the host is null");
            HostDetails.Write(host, context.Time.GetUtcNow(), context.Stdout);
            return ExitCodes.Ok;
        }));
        return show;
    }

    private static Option<bool> JsonOption() => Output.JsonOutput.Option();
}
