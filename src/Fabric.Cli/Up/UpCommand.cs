using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Fabric.Cli.Api;
using Fabric.Contracts.Validation;

namespace Fabric.Cli.Up;

/// <summary><c>fabric up</c>: a whole single-host cluster on 127.0.0.1, in the foreground.</summary>
internal static class UpCommand
{
    public static readonly string[] Drivers = ["qemu", "simulated"];

    public static Command Create(CliContext context)
    {
        var dataDirectory = new Option<string?>("--data-dir")
        {
            Description = "Folder for Redis data, logs and the lock (default: .fabric in the checkout, else /var/lib/fabric)",
            HelpName = "DIR",
        };
        var inMemory = new Option<bool>("--in-memory") { Description = "No Redis: a throwaway cluster that forgets everything when stopped" };
        var driver = new Option<string>("--driver")
        {
            Description = "Hypervisor driver of the host agent",
            DefaultValueFactory = _ => "qemu",
        };
        driver.AcceptOnlyFromAmong(Drivers);
        var port = new Option<int>("--port")
        {
            Description = "Port of the REST API and dashboard on 127.0.0.1",
            DefaultValueFactory = _ => ApiEndpoint.DefaultPort,
            CustomParser = ParsePort,
            HelpName = "PORT",
        };
        var hostName = new Option<string?>("--host-name") { Description = "Name the host registers under (default: the agent's choice)", HelpName = "NAME" };
        hostName.Validators.Add(result =>
        {
            if (HostNames.Validate(result.GetValueOrDefault<string?>()) is { } problem)
            {
                result.AddError($"--host-name: {problem}");
            }
        });

        var up = new Command("up", "Start a single-host cluster (Redis, silo, host agent) on 127.0.0.1 in the foreground")
        {
            dataDirectory, inMemory, driver, port, hostName,
        };
        up.SetAction((parseResult, cancellationToken) =>
        {
            var settings = new UpSettings(
                parseResult.GetValue(dataDirectory),
                parseResult.GetValue(inMemory),
                parseResult.GetRequiredValue(driver),
                parseResult.GetValue(port),
                parseResult.GetValue(hostName));
            return new UpRunner(context, settings).RunAsync(cancellationToken);
        });
        return up;
    }

    private static int ParsePort(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535)
        {
            return port;
        }

        result.AddError($"--port must be a TCP port number from 1 to 65535, not '{text}'");
        return 0;
    }
}
