namespace Fabric.Cli.Config;

/// <summary>What <c>~/.config/fabric/config.json</c> holds: where the CLI finds the cluster and the token it uses there.</summary>
internal sealed record CliConfig(string? ApiUrl, string? Token = null);
