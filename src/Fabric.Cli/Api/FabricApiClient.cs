using System.Net;
using System.Net.Sockets;

namespace Fabric.Cli.Api;

/// <summary>Reads the Fabric REST API. Knows HTTP and error shapes; commands decide what to print.</summary>
internal sealed class FabricApiClient(HttpClient http, Uri apiUrl)
{
    public Uri ApiUrl { get; } = apiUrl;

    /// <summary>GETs <paramref name="path"/> and returns the JSON body, or <c>null</c> on 404.</summary>
    /// <exception cref="FabricApiException">The API is unreachable or answered with an error.</exception>
    public async Task<string?> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new Uri(ApiUrl, path), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new FabricApiException(ApiProblem.Describe((int)response.StatusCode, response.ReasonPhrase, body));
        }

        return body;
    }

    private async Task<HttpResponseMessage> SendAsync(Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            return await http.GetAsync(uri, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(e.InnerException is SocketException socket ? $"{socket.Message} ({uri.Authority})" : e.Message, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unreachable($"no answer within {http.Timeout.TotalSeconds:0} s", e);
        }
    }

    private FabricApiException Unreachable(string reason, Exception inner) => new(
        $"cannot reach the Fabric API at {ApiUrl.ToString().TrimEnd('/')}: {reason}; is `./fabric up` running? (set --api or FABRIC_API)", inner);
}
