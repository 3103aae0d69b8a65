using System.Net.Http.Json;
using System.Text.Json;
using Fabric.Cli.Api;
using Fabric.Contracts.Hosts;

namespace Fabric.Cli.Up;

/// <summary>Readiness probes against the REST API of the cluster `fabric up` is starting.</summary>
internal sealed class ClusterProbes(string apiUrl, string token)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    // Agent and silo clocks are this machine's clock; the margin only covers rounding.
    private static readonly TimeSpan ClockMargin = TimeSpan.FromSeconds(1);

    /// <summary><c>null</c> once <c>GET /readyz</c> answers 200.</summary>
    public async Task<string?> SiloReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Http.GetAsync($"{apiUrl}/readyz", cancellationToken);
            return response.IsSuccessStatusCode
                ? null
                : $"/readyz answered {(int)response.StatusCode}: {(await response.Content.ReadAsStringAsync(cancellationToken)).Trim()}";
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// <c>null</c> once a host (<paramref name="hostName"/>, or any) is Ready with a heartbeat newer
    /// than <paramref name="since"/>: with Redis, the previous run's host is still listed, and may
    /// still look Ready, before the new agent has said a word.
    /// </summary>
    public async Task<string?> HostReadyAsync(string? hostName, DateTimeOffset since, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{apiUrl}/api/v1/hosts");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var response = await Http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return $"/api/v1/hosts answered {(int)response.StatusCode}{(response.StatusCode == System.Net.HttpStatusCode.Unauthorized ? " (the silo refused the admin token)" : "")}";
            }

            var hosts = await response.Content.ReadFromJsonAsync<List<HostInfo>>(FabricJson.Options, cancellationToken) ?? [];
            var candidates = hosts.Where(host => hostName is null || host.Name == hostName).ToList();
            if (candidates.Any(host => host.State == HostState.Ready && host.LastHeartbeat >= since - ClockMargin))
            {
                return null;
            }

            return candidates.Count == 0
                ? "no host registered yet"
                : string.Join(", ", candidates.Select(host => $"{host.Name} is {host.State}"));
        }
        catch (Exception e) when (e is HttpRequestException or JsonException)
        {
            return e.Message;
        }
    }
}
