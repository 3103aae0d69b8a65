using System.CommandLine;
using System.Text.Json;
using Fabric.Cli.Api;
using Fabric.Cli.Output;
using Fabric.Contracts.Operations;

namespace Fabric.Cli.Operations;

/// <summary><c>fabric operation show ID</c>: where a long-running operation is.</summary>
internal static class OperationCommand
{
    public static Command Create(CliContext context)
    {
        var api = new ApiOptions();
        var operation = new Command("operation", "Long-running operations (start, grow, convert, …)");
        api.AddTo(operation);
        var id = new Argument<string>("ID") { Description = "Operation id, as a command printed it" };
        var json = JsonOutput.Option();
        var show = new Command("show", "Show an operation's state, progress and events") { id, json };
        show.SetAction((parseResult, cancellationToken) => api.RunAsync(context, parseResult, async client =>
        {
            var body = await client.GetAsync($"api/v1/operations/{Uri.EscapeDataString(parseResult.GetRequiredValue(id))}", cancellationToken);
            if (parseResult.GetValue(json))
            {
                return await JsonOutput.WriteAsync(context, body);
            }

            var info = JsonSerializer.Deserialize<OperationInfo>(body, FabricJson.Options) ?? throw new JsonException("the operation is null");
            var output = context.Stdout;
            await output.WriteLineAsync($"Id:        {info.Id}");
            await output.WriteLineAsync($"Kind:      {info.Kind} {info.Target}");
            await output.WriteLineAsync($"State:     {info.State} ({info.Progress}%)");
            await output.WriteLineAsync($"Message:   {info.Message}");
            await output.WriteLineAsync($"Started:   {info.StartedAt:u}");
            await output.WriteLineAsync($"Finished:  {(info.FinishedAt is { } at ? at.ToString("u", System.Globalization.CultureInfo.InvariantCulture) : "-")}");
            foreach (var e in info.Events)
            {
                await output.WriteLineAsync($"  {e.At:u}  {e.Message}");
            }

            return ExitCodes.Ok;
        }));
        operation.Subcommands.Add(show);
        return operation;
    }
}
