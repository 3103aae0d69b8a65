using Fabric.Cli.Config;

namespace Fabric.Cli.Api;

/// <summary>Which token a command sends: <c>--token</c>, then <c>FABRIC_TOKEN</c>, then the config file `fabric up` wrote.</summary>
internal static class ApiToken
{
    public static string? Resolve(string? tokenOption, CliContext context) =>
        !string.IsNullOrWhiteSpace(tokenOption) ? tokenOption.Trim()
        : context.GetEnvironmentVariable("FABRIC_TOKEN") is { Length: > 0 } fromEnvironment ? fromEnvironment.Trim()
        : CliConfigStore.For(context).Load().Token;
}
