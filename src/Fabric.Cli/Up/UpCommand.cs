using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Fabric.Cli.Api;
using Fabric.Contracts.Validation;

namespace Fabric.Cli.Up;

/// <summary><c>fabric up</c>: a whole cluster on this machine (one host and one silo unless asked for more), in the foreground.</summary>
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
        var hostName = new Option<string?>("--host-name")
        {
            Description = "Name the host registers under (default: the agent's choice); with --hosts N, the hosts are NAME-1..NAME-N (default host-1..)",
            HelpName = "NAME",
        };
        hostName.Validators.Add(result =>
        {
            if (HostNames.Validate(result.GetValueOrDefault<string?>()) is { } problem)
            {
                result.AddError($"--host-name: {problem}");
            }
        });

        var hosts = new Option<int>("--hosts")
        {
            Description = $"How many hosts (agents) to start on this machine, 1 to {UpSettings.MaxHosts}; as root each gets its own network namespace",
            DefaultValueFactory = _ => 1,
            CustomParser = result => ParseCount(result, "--hosts", UpSettings.MaxHosts),
            HelpName = "N",
        };
        var silos = new Option<int>("--silos")
        {
            Description = $"How many silos form the cluster, 1 to {UpSettings.MaxSilos} (more than one needs Redis)",
            DefaultValueFactory = _ => 1,
            CustomParser = result => ParseCount(result, "--silos", UpSettings.MaxSilos),
            HelpName = "M",
        };

        var up = new Command("up", "Start a cluster (Redis, silos, host agents) on this machine in the foreground")
        {
            dataDirectory, inMemory, driver, port, hostName, hosts, silos,
        };
        up.SetAction((parseResult, cancellationToken) =>
        {
            var settings = new UpSettings(
                parseResult.GetValue(dataDirectory),
                parseResult.GetValue(inMemory),
                parseResult.GetRequiredValue(driver),
                parseResult.GetValue(port),
                parseResult.GetValue(hostName),
                parseResult.GetValue(hosts),
                parseResult.GetValue(silos));
            if (settings.Problem() is { } problem)
            {
                context.Stderr.WriteLine($"fabric up: {problem}");
                return Task.FromResult(ExitCodes.Usage);
            }

            return new UpRunner(context, settings).RunAsync(cancellationToken);
        });
        return up;
    }

    private static int ParseCount(ArgumentResult result, string option, int max)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1 && count <= max)
        {
            return count;
        }

        result.AddError($"{option} must be a number from 1 to {max}, not '{text}'");
        return 0;
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
