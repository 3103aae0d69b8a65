using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Fabric.Silo.Tests.Api;

/// <summary>
/// A power action's body is optional: none, an empty one or <c>{"timeoutSeconds": N}</c> as JSON is accepted;
/// anything else is a 400 naming the body, never a 500.
/// </summary>
[Collection(SiloProcessCollection.Name)]
public sealed class PowerActionBodyTests(SiloProcessFixture silo)
{
    private const string Vm = "power-body";

    [Fact]
    public async Task Shutdown_NoBodyNoContentType_202()
    {
        await EnsureVmAsync();

        using var response = await silo.Api.PostAsync($"/api/v1/vms/{Vm}/shutdown", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"timeoutSeconds":5}""", "application/json")]
    [InlineData("""{}""", "application/json")]
    [InlineData("", "application/json")]
    [InlineData("", "text/plain")]
    public async Task Shutdown_OptionalBody_202(string body, string contentType)
    {
        await EnsureVmAsync();

        using var response = await silo.Api.PostAsync($"/api/v1/vms/{Vm}/shutdown", new StringContent(body, Encoding.UTF8, contentType));

        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"expected 202, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [InlineData("hello", "text/plain", "body")]
    [InlineData("timeoutSeconds=5", "application/x-www-form-urlencoded", "body")]
    [InlineData("not json", "application/json", "body")]
    [InlineData("""{"timeoutSeconds":"soon"}""", "application/json", "timeoutSeconds")]
    public async Task Shutdown_UnreadableBody_400NamingIt(string body, string contentType, string field)
    {
        await EnsureVmAsync();

        using var response = await silo.Api.PostAsync($"/api/v1/vms/{Vm}/shutdown", new StringContent(body, Encoding.UTF8, contentType));

        await Problems.AssertFieldAsync(response, HttpStatusCode.BadRequest, field);
    }

    private async Task EnsureVmAsync()
    {
        using var response = await silo.Api.PostAsJsonAsync("/api/v1/vms", new { name = Vm, vCpus = 1, memoryMiB = 128 });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict,
            $"creating {Vm}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
