using System.CommandLine;

namespace Fabric.Cli.Api;

/// <summary>The <c>--api</c> and <c>--token</c> options every API-backed command group carries (recursive).</summary>
internal sealed class ApiOptions
{
    public Option<string?> Api { get; } = new("--api")
    {
        Description = "Fabric API URL (default: FABRIC_API, else the URL `fabric up` saved, else http://127.0.0.1:8480)",
        HelpName = "URL",
        Recursive = true,
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = "API token (default: FABRIC_TOKEN, else the token `fabric up` saved)",
        HelpName = "TOKEN",
        Recursive = true,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Api);
        command.Options.Add(Token);
    }

    public Task<int> RunAsync(CliContext context, ParseResult parseResult, Func<FabricApiClient, Task<int>> command) =>
        ApiCommandRunner.RunAsync(context, parseResult.GetValue(Api), parseResult.GetValue(Token), command);
}
