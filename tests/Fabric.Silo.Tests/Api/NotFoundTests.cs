using System.Net;
using System.Net.Http.Json;

namespace Fabric.Silo.Tests.Api;

/// <summary>Acting on something that does not exist is a 404 problem naming what is missing.</summary>
[Collection(SiloProcessCollection.Name)]
public sealed class NotFoundTests(SiloProcessFixture silo)
{
    [Theory]
    [InlineData("GET", "/api/v1/vms/ghost", "vm")]
    [InlineData("DELETE", "/api/v1/vms/ghost", "vm")]
    [InlineData("DELETE", "/api/v1/vms/ghost?deleteDisks=true", "vm")]
    [InlineData("GET", "/api/v1/disks/ghost", "disk")]
    [InlineData("DELETE", "/api/v1/disks/ghost", "disk")]
    [InlineData("DELETE", "/api/v1/disks/ghost/snapshots/snap1", "disk")]
    [InlineData("POST", "/api/v1/disks/ghost/snapshots/snap1/revert", "disk")]
    [InlineData("GET", "/api/v1/images/ghost.iso", "image")]
    [InlineData("DELETE", "/api/v1/images/ghost.iso", "image")]
    [InlineData("GET", "/api/v1/operations/0123456789abcdef", "operation")]
    [InlineData("GET", "/api/v1/hosts/ghost", "host")]
    public async Task Missing_404NamingWhatIsMissing(string method, string path, string field)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await silo.Api.SendAsync(request);

        var message = await Problems.AssertFieldAsync(response, HttpStatusCode.NotFound, field);
        Assert.Matches("ghost|0123456789abcdef", message);
    }

    [Theory]
    [InlineData("/api/v1/disks/ghost/grow", """{"size":"4G"}""")]
    [InlineData("/api/v1/disks/ghost/snapshots", """{"name":"snap1"}""")]
    public async Task PostToMissingDisk_404Disk(string path, string json)
    {
        using var response = await silo.Api.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await Problems.AssertFieldAsync(response, HttpStatusCode.NotFound, "disk");
    }

    [Fact]
    public async Task MaintenanceOfAnUnknownHost_404Host()
    {
        using var response = await silo.Api.PutAsync("/api/v1/hosts/ghost/maintenance", new StringContent("""{"enabled":true}""", System.Text.Encoding.UTF8, "application/json"));

        var message = await Problems.AssertFieldAsync(response, HttpStatusCode.NotFound, "host");
        Assert.Contains("ghost", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartMissingVm_404Vm()
    {
        using var response = await silo.Api.PostAsJsonAsync("/api/v1/vms/ghost/start", new { });

        await Problems.AssertAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnknownRoute_404ProblemNamingThePath()
    {
        using var response = await silo.Api.GetAsync("/api/v1/nothing-here");

        var message = await Problems.AssertFieldAsync(response, HttpStatusCode.NotFound, "path");
        Assert.Contains("/api/v1/nothing-here", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonEndpointWithFormBody_415NamingContentType()
    {
        using var body = new FormUrlEncodedContent([KeyValuePair.Create("size", "4G")]);

        using var response = await silo.Api.PostAsync("/api/v1/disks/ghost/grow", body);

        await Problems.AssertFieldAsync(response, HttpStatusCode.UnsupportedMediaType, "contentType");
    }
}
