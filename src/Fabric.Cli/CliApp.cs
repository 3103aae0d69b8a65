using System.CommandLine;
using Fabric.Cli.Disks;
using Fabric.Cli.Hosts;
using Fabric.Cli.Images;
using Fabric.Cli.Operations;
using Fabric.Cli.Up;
using Fabric.Cli.Vms;

namespace Fabric.Cli;

/// <summary>The <c>fabric</c> command: parses arguments, runs one command, returns its exit code.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var root = BuildCommands(context);
        var parseResult = root.Parse(args);

        if (parseResult.Errors.Count > 0)
        {
            // System.CommandLine prints the errors and the usage; both belong on stderr, and a
            // usage error is exit 2 (as in getopt-style tools), not the library's default 1.
            var usageOutput = new InvocationConfiguration { Output = context.Stderr, Error = context.Stderr };
            await parseResult.InvokeAsync(usageOutput, cancellationToken);
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration
        {
            Output = context.Stdout,
            Error = context.Stderr,
            // Signals are ours (ShutdownSignals): `up` must stop its children, not be cut off after a timeout.
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Stderr.WriteLineAsync("interrupted");
            return 130;
        }
    }

    private static RootCommand BuildCommands(CliContext context)
    {
        var root = new RootCommand("Fabric: a cluster virtualization manager. Start a local cluster with `fabric up`.");
        root.Subcommands.Add(UpCommand.Create(context));
        root.Subcommands.Add(HostCommand.Create(context));
        root.Subcommands.Add(VmCommand.Create(context));
        root.Subcommands.Add(DiskCommand.Create(context));
        root.Subcommands.Add(ImageCommand.Create(context));
        root.Subcommands.Add(OperationCommand.Create(context));
        return root;
    }
}
