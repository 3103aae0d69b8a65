using Fabric.Cli.Config;

namespace Fabric.Cli.Api;

/// <summary>Decides which API URL a command talks to: <c>--api</c>, then <c>FABRIC_API</c>, then the config file, then the default.</summary>
internal static class ApiEndpoint
{
    public const int DefaultPort = 8480;

    public static readonly Uri Default = new($"http://127.0.0.1:{DefaultPort}/");

    /// <summary>Resolves the URL, or returns an error message naming where the bad value came from.</summary>
    public static (Uri? Url, string? Error) Resolve(string? apiOption, CliContext context)
    {
        var (value, source) =
            !string.IsNullOrWhiteSpace(apiOption) ? (apiOption, "--api")
            : context.GetEnvironmentVariable("FABRIC_API") is { Length: > 0 } fromEnvironment ? (fromEnvironment, "FABRIC_API")
            : CliConfigStore.For(context) is var store && store.Load().ApiUrl is { Length: > 0 } fromConfig ? (fromConfig, store.Path)
            : (Default.ToString(), "default");

        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return (null, $"invalid API URL '{value}' (from {source}): expected http://HOST:PORT, e.g. {Default}");
        }

        // A base URL without a trailing slash would lose its last segment when "api/v1/..." is appended.
        return (url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/"), null);
    }
}
