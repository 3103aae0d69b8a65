using System.CommandLine;
using System.Globalization;
using Fabric.Cli.Api;
using Fabric.Cli.Operations;
using Fabric.Cli.Output;
using Fabric.Contracts.Rest;
using Fabric.Contracts.Vms;

namespace Fabric.Cli.Vms;

/// <summary><c>fabric vm start|shutdown|stop|restart|reset|pause|resume|suspend NAME</c>: waits for the operation unless <c>--no-wait</c>.</summary>
internal static class VmPowerCommand
{
    public static Command Create(CliContext context, ApiOptions api, PowerAction action)
    {
        var verb = action.ToString().ToLowerInvariant();
        var name = VmCommand.NameArgument();
        var noWait = new Option<bool>("--no-wait") { Description = "Print the operation id and return at once" };
        var json = JsonOutput.Option();
        var command = new Command(verb, Describe(action)) { name, noWait, json };
        Option<int?>? timeout = null;
        if (action is PowerAction.Shutdown or PowerAction.Restart)
        {
            timeout = new Option<int?>("--timeout") { Description = "Seconds the guest gets to shut down before it is forced off", HelpName = "SECONDS" };
            timeout.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int?>() is { } seconds && ShutdownTimeoutRule.Validate(seconds) is { } problem)
                {
                    result.AddError($"--timeout: {problem}");
                }
            });
            command.Options.Add(timeout);
        }

        command.SetAction((parseResult, cancellationToken) => api.RunAsync(context, parseResult, async client =>
        {
            var vmName = parseResult.GetRequiredValue(name);
            var body = timeout is not null && parseResult.GetValue(timeout) is { } seconds ? new PowerRequest { TimeoutSeconds = seconds } : new PowerRequest();
            var response = await client.SendJsonAsync(HttpMethod.Post, $"{VmCommand.PathOf(vmName)}/{verb}", body, cancellationToken);
            var operation = OperationWaiter.Read(response.Body);
            if (parseResult.GetValue(noWait))
            {
                if (parseResult.GetValue(json))
                {
                    return await JsonOutput.WriteAsync(context, response.Body);
                }

                await context.Stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{operation.Kind} {operation.Target}: operation {operation.Id} {operation.State}; follow it with `fabric operation show {operation.Id}`"));
                return ExitCodes.Ok;
            }

            return await OperationWaiter.WaitAsync(context, client, response.Body, parseResult.GetValue(json), cancellationToken);
        }));
        return command;
    }

    private static string Describe(PowerAction action) => action switch
    {
        PowerAction.Start => "Start a VM (resumes a suspended one)",
        PowerAction.Shutdown => "Shut a VM down gracefully (guest agent, then ACPI, then force after --timeout)",
        PowerAction.Stop => "Force a VM off at once (pull the plug)",
        PowerAction.Restart => "Shut a VM down gracefully, then start it",
        PowerAction.Reset => "Hard-reset a VM (the reset button)",
        PowerAction.Pause => "Pause a VM's CPUs",
        PowerAction.Resume => "Resume a paused VM",
        PowerAction.Suspend => "Save a VM's memory to disk and stop it; start resumes it",
        _ => action.ToString(),
    };
}
