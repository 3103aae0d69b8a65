using System.Text.Json;

namespace Fabric.Cli.Api;

/// <summary>
/// What every API-backed command does around its own work: find the API, make the client,
/// and turn failures into one line on stderr and an exit code.
/// </summary>
internal static class ApiCommandRunner
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(CliContext context, string? apiOption, Func<FabricApiClient, Task<int>> command)
    {
        var (url, error) = ApiEndpoint.Resolve(apiOption, context);
        if (url is null)
        {
            await context.Stderr.WriteLineAsync(error);
            return ExitCodes.Usage;
        }

        using var http = new HttpClient { Timeout = RequestTimeout };
        try
        {
            return await command(new FabricApiClient(http, url));
        }
        catch (FabricApiException e)
        {
            await context.Stderr.WriteLineAsync(e.Message);
            return ExitCodes.Failure;
        }
        catch (JsonException e)
        {
            await context.Stderr.WriteLineAsync($"the Fabric API at {url} sent a response this CLI cannot read: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
