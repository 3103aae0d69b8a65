using Fabric.OpenApi.Tests.Generated;
using Fabric.OpenApi.Tests.Generated.Models;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace Fabric.OpenApi.Tests.Client;

/// <summary>
/// The client Kiota generates from docs/api/openapi.json (see KiotaClient.targets), against a real silo:
/// answers come back as typed models, errors as the typed <see cref="FabricProblem"/> with their fields.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class GeneratedClientTests(SiloFixture silo) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task CreateVm_ThenGet_ReturnsTheVmAsATypedModel()
    {
        var client = Client(silo.Token);

        var created = await client.Api.V1.Vms.PostAsync(new CreateVmRequest { Name = "kiota-web1", VCpus = 2, MemoryMiB = 512 });
        var read = await client.Api.V1.Vms["kiota-web1"].GetAsync();

        Assert.Equal("kiota-web1", created?.Name);
        Assert.NotNull(read);
        Assert.Equal("kiota-web1", read.Name);
        Assert.Equal(2, read.Hardware?.VCpus);
        Assert.Equal(512, read.Hardware?.MemoryMiB);
        Assert.Equal(PowerState.Stopped, read.Desired);
        var page = await client.Api.V1.Vms.GetAsync(r => r.QueryParameters.Limit = 1000);
        Assert.Contains(page?.Items ?? [], vm => vm.Name == "kiota-web1");
    }

    [Fact]
    public async Task CreateVm_InvalidName_ThrowsFabricProblemNamingTheField()
    {
        var client = Client(silo.Token);

        var problem = await Assert.ThrowsAsync<FabricProblem>(() => client.Api.V1.Vms.PostAsync(new CreateVmRequest { Name = "Not_A_Label", VCpus = 0 }));

        Assert.Equal(400, problem.ResponseStatusCode);
        Assert.Equal(400, problem.Status);
        var fields = problem.Errors?.Select(e => e.Field).ToList() ?? [];
        Assert.Contains("name", fields);
        Assert.Contains("vCpus", fields);
        Assert.Contains("Not_A_Label", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shutdown_WithTimeoutBody_ReturnsTheOperation()
    {
        var client = Client(silo.Token);
        await client.Api.V1.Vms.PostAsync(new CreateVmRequest { Name = "kiota-power", VCpus = 1, MemoryMiB = 256 });

        var operation = await client.Api.V1.Vms["kiota-power"].Shutdown.PostAsync(new PowerRequest { TimeoutSeconds = 30 });

        Assert.NotNull(operation);
        Assert.Equal("vm/kiota-power", operation.Target);
        var followed = await client.Api.V1.Operations[operation.Id!].GetAsync();
        Assert.Equal(operation.Id, followed?.Id);
    }

    [Fact]
    public async Task Shutdown_TimeoutOutOfRange_ThrowsFabricProblemNamingTimeoutSeconds()
    {
        var client = Client(silo.Token);

        var problem = await Assert.ThrowsAsync<FabricProblem>(() => client.Api.V1.Vms["kiota-power"].Shutdown.PostAsync(new PowerRequest { TimeoutSeconds = 0 }));

        Assert.Equal(400, problem.ResponseStatusCode);
        Assert.Contains(problem.Errors ?? [], e => e.Field == "timeoutSeconds");
    }

    [Fact]
    public async Task WrongToken_ThrowsFabricProblem401NamingAuthorization()
    {
        var client = Client("not-the-token");

        var problem = await Assert.ThrowsAsync<FabricProblem>(() => client.Api.V1.Hosts.GetAsync());

        Assert.Equal(401, problem.ResponseStatusCode);
        Assert.Contains(problem.Errors ?? [], e => e.Field == "authorization");
    }

    private FabricApiClient Client(string token)
    {
        var authentication = new BaseBearerTokenAuthenticationProvider(new AdminTokenProvider(token, new Uri(silo.ApiUrl)));
        return new FabricApiClient(new HttpClientRequestAdapter(authentication, httpClient: _http) { BaseUrl = silo.ApiUrl });
    }
}
