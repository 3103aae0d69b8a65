using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fabric.Contracts.Hosts;
using Fabric.Contracts.Rest;
using Fabric.Contracts.Vms;

namespace Fabric.Chaos.Cluster;

/// <summary>The cluster's REST API with the admin token: what the harness reads and asks of the cluster.</summary>
public sealed class FabricApi : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly HttpClient _http;

    public FabricApi(string apiUrl, string token)
    {
        ApiUrl = apiUrl.TrimEnd('/');
        // Short: a trial polls through this while silos and Redis are being killed; a hung call must not hide a second.
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public string ApiUrl { get; }

    public async Task<IReadOnlyList<HostInfo>> ListHostsAsync() =>
        await _http.GetFromJsonAsync<List<HostInfo>>($"{ApiUrl}/api/v1/hosts", Json) ?? [];

    public async Task<VmInfo?> GetVmAsync(string name)
    {
        using var response = await _http.GetAsync($"{ApiUrl}/api/v1/vms/{name}");
        return response.StatusCode == System.Net.HttpStatusCode.NotFound ? null : await (await OkAsync(response)).Content.ReadFromJsonAsync<VmInfo>(Json);
    }

    public async Task<VmInfo> CreateVmAsync(CreateVmRequest request)
    {
        using var response = await _http.PostAsJsonAsync($"{ApiUrl}/api/v1/vms", request, Json);
        return (await (await OkAsync(response)).Content.ReadFromJsonAsync<VmInfo>(Json))!;
    }

    public async Task PowerAsync(string name, PowerAction action)
    {
        using var response = await _http.PostAsync($"{ApiUrl}/api/v1/vms/{name}/{action.ToString().ToLowerInvariant()}", content: null);
        await OkAsync(response);
    }

    public async Task DeleteVmAsync(string name)
    {
        using var response = await _http.DeleteAsync($"{ApiUrl}/api/v1/vms/{name}");
        await OkAsync(response);
    }

    public async Task<GuestExecResult> ExecAsync(string name, IReadOnlyList<string> command)
    {
        using var response = await _http.PostAsJsonAsync($"{ApiUrl}/api/v1/vms/{name}/exec", new ExecRequest { Command = command, TimeoutSeconds = 30 }, Json);
        return (await (await OkAsync(response)).Content.ReadFromJsonAsync<GuestExecResult>(Json))!;
    }

    /// <summary>Uploads an ISO into the image library (the raw file as the body), unless one of that name is there.</summary>
    public async Task EnsureIsoAsync(string name, string file)
    {
        using (var existing = await _http.GetAsync($"{ApiUrl}/api/v1/images/{name}"))
        {
            if (existing.IsSuccessStatusCode)
            {
                return;
            }
        }

        await using var body = File.OpenRead(file);
        using var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var upload = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        upload.DefaultRequestHeaders.Authorization = _http.DefaultRequestHeaders.Authorization;
        using var response = await upload.PostAsync($"{ApiUrl}/api/v1/images?name={name}&kind=iso", content);
        await OkAsync(response);
    }

    public async Task<bool> ReadyAsync(string apiUrl)
    {
        try
        {
            using var response = await _http.GetAsync($"{apiUrl.TrimEnd('/')}/readyz");
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public void Dispose() => _http.Dispose();

    private static async Task<HttpResponseMessage> OkAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
        }

        return response;
    }
}
