namespace Fabric.Cli.Config;

/// <summary>What <c>~/.config/fabric/config.json</c> holds: where the CLI finds the cluster.</summary>
internal sealed record CliConfig(string? ApiUrl);
