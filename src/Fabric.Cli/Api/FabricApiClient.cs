using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Fabric.Cli.Api;

/// <summary>Talks to the Fabric REST API. Knows HTTP, the token and error shapes; commands decide what to print.</summary>
internal sealed class FabricApiClient(HttpClient http, Uri apiUrl, string? token)
{
    /// <summary>How long a read may take; changes (create, grow, convert) wait as long as the cluster's own deadline.</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan ChangeTimeout = TimeSpan.FromMinutes(31);

    public const string RefusedToken = "the API refused the token; run ./fabric up again or set FABRIC_TOKEN";

    public Uri ApiUrl { get; } = apiUrl;

    /// <summary>GETs <paramref name="path"/> and returns the JSON body, or <c>null</c> on 404.</summary>
    /// <exception cref="FabricApiException">The API is unreachable or answered with another error.</exception>
    public async Task<string?> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Get, path, null, ReadTimeout, allowNotFound: true, cancellationToken);
        return response.Status == (int)HttpStatusCode.NotFound ? null : response.Body;
    }

    /// <summary>GETs <paramref name="path"/>; a 404 is an error like any other, printed from the problem.</summary>
    public async Task<string> GetAsync(string path, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Get, path, null, ReadTimeout, allowNotFound: false, cancellationToken)).Body;

    /// <summary>Sends <paramref name="body"/> as JSON (or nothing) and returns the successful answer.</summary>
    public Task<ApiResponse> SendJsonAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken) =>
        SendAsync(method, path, body is null ? null : new StringContent(JsonSerializer.Serialize(body, body.GetType(), FabricJson.Compact), Encoding.UTF8, "application/json"),
            ChangeTimeout, allowNotFound: false, cancellationToken);

    /// <summary>Streams <paramref name="content"/> as the raw body, without a deadline: ISOs are large.</summary>
    public Task<ApiResponse> UploadAsync(string path, Stream content, long length, CancellationToken cancellationToken)
    {
        var body = new StreamContent(content, 1 << 20);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Headers.ContentLength = length;
        return SendAsync(HttpMethod.Post, path, body, Timeout.InfiniteTimeSpan, allowNotFound: false, cancellationToken);
    }

    private async Task<ApiResponse> SendAsync(HttpMethod method, string path, HttpContent? content, TimeSpan timeout, bool allowNotFound, CancellationToken cancellationToken)
    {
        var uri = new Uri(ApiUrl, path);
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, deadline.Token);
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(e.InnerException is SocketException socket ? $"{socket.Message} ({uri.Authority})" : e.Message, e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unreachable($"no answer within {timeout.TotalSeconds:0} s", e);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new FabricApiException(RefusedToken, status: status);
            }

            if (response.IsSuccessStatusCode || (allowNotFound && response.StatusCode == HttpStatusCode.NotFound))
            {
                return new ApiResponse(status, body);
            }

            throw new FabricApiException(ApiProblem.Describe(status, response.ReasonPhrase, body), status: status);
        }
    }

    private FabricApiException Unreachable(string reason, Exception inner) => new(
        $"cannot reach the Fabric API at {ApiUrl.ToString().TrimEnd('/')}: {reason}; is `./fabric up` running? (set --api or FABRIC_API)", inner);
}
