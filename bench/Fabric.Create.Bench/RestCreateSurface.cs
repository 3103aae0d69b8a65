using System.Net.Http.Json;

namespace Fabric.Create.Bench;

/// <summary>POST /api/v1/vms with the admin bearer token, over the cluster's shared HTTP connection pool.</summary>
internal sealed class RestCreateSurface(SimulatedCluster cluster) : ICreateSurface
{
    public async Task CreateAsync(string name, int memoryMiB)
    {
        var request = new { name, vCpus = 1, memoryMiB, disks = Array.Empty<object>(), nics = Array.Empty<object>(), start = true };
        using var response = await cluster.Http.PostAsJsonAsync($"{cluster.ApiUrl}/api/v1/vms", request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /api/v1/vms {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
