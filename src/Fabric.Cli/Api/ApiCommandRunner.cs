using System.Text.Json;

namespace Fabric.Cli.Api;

/// <summary>
/// What every API-backed command does around its own work: find the API and the token, make the
/// client, and turn failures into lines on stderr and an exit code.
/// </summary>
internal static class ApiCommandRunner
{
    public static async Task<int> RunAsync(CliContext context, string? apiOption, string? tokenOption, Func<FabricApiClient, Task<int>> command)
    {
        var (url, error) = ApiEndpoint.Resolve(apiOption, context);
        if (url is null)
        {
            await context.Stderr.WriteLineAsync(error);
            return ExitCodes.Usage;
        }

        // Deadlines are per request (FabricApiClient): an upload has none, a read has seconds.
        using var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) };
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            return await command(new FabricApiClient(http, url, ApiToken.Resolve(tokenOption, context)));
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
