namespace Fabric.Cli.Tests.TestSupport;

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);
