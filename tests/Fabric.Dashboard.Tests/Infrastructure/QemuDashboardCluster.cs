using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fabric.Contracts.Hosts;
using Fabric.Contracts.Rest;
using Fabric.Contracts.Vms;
using Fabric.Testing.Guest;
using Fabric.Testing.Processes;
using Fabric.Testing.Waiting;

namespace Fabric.Dashboard.Tests.Infrastructure;

/// <summary>
/// The real fabric-silo (in memory, with an admin token) and one fabric-agent driving real QEMU (TCG
/// here), with the test guest's installer ISO uploaded to the image library through the REST API as
/// an operator would. Shared by the browser tests that boot VMs; their QEMU processes end with it.
/// </summary>
public sealed class QemuDashboardCluster : IAsyncLifetime
{
    public const string HostName = "e2e";
    public const string Iso = "test-install.iso";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly HttpClient _api = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly int _gatewayPort = FreePort.Next();
    private ChildProcess? _silo;
    private ChildProcess? _agent;

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("fabric-dashboard-qemu-").FullName;

    public string Url { get; } = $"http://127.0.0.1:{FreePort.Next()}";

    /// <summary>The agent's data folder: runtime sockets, pidfiles and serial logs of its VMs, the <c>local</c> pool.</summary>
    public string AgentDataDirectory => Path.Combine(Directory, "agent");

    public async Task InitializeAsync()
    {
        _silo = ChildProcess.StartDotnet(RepositoryPaths.SiloDll,
            ["--in-memory", "--urls", Url, $"--Fabric:AdminTokenFile={DashboardCluster.WriteTokenFile(Directory)}", $"--Fabric:SiloPort={FreePort.Next()}",
             $"--Fabric:GatewayPort={_gatewayPort}"],
            Path.Combine(Directory, "silo.log"));
        _api.BaseAddress = new Uri(Url);
        _api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DashboardCluster.AdminToken);
        await Eventually.MatchAsync(
            async () => _silo.HasExited ? throw new InvalidOperationException($"silo exited: {_silo.Output}") : (int)(await _api.GetAsync("/readyz")).StatusCode,
            status => status == 200, TimeSpan.FromSeconds(90), "the silo to be ready");

        _agent = ChildProcess.StartDotnet(RepositoryPaths.AgentDll,
            ["--Fabric:Driver=qemu", "--Fabric:InMemory=true", $"--Fabric:GatewayPort={_gatewayPort}", $"--Fabric:HostName={HostName}",
             $"--Fabric:DataDir={AgentDataDirectory}"],
            Path.Combine(Directory, "agent.log"));
        await Eventually.MatchAsync(
            async () => _agent.HasExited ? throw new InvalidOperationException($"agent exited: {_agent.Output}") : await GetAsync<List<HostInfo>>("/api/v1/hosts"),
            hosts => hosts?.Any(h => h.Name == HostName && h.State == HostState.Ready) == true, TimeSpan.FromSeconds(120), $"host {HostName} to be Ready");

        await using var iso = File.OpenRead(TestGuest.InstallIso);
        using var body = new StreamContent(iso);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var uploaded = await _api.PostAsync($"/api/v1/images?name={Iso}&kind=iso", body);
        Assert.True(uploaded.IsSuccessStatusCode, $"uploading the test guest ISO: {(int)uploaded.StatusCode} {await uploaded.Content.ReadAsStringAsync()}");
    }

    /// <summary>A VM as the REST API shows it, or null when there is none.</summary>
    public async Task<VmInfo?> VmAsync(string name)
    {
        var response = await _api.GetAsync($"/api/v1/vms/{name}");
        return response.StatusCode == System.Net.HttpStatusCode.NotFound ? null : await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<VmInfo>(Json);
    }

    /// <summary>Creates and starts a VM through the REST API, for tests whose subject is not the wizard.</summary>
    public async Task CreateRunningVmAsync(CreateVmRequest request, TimeSpan deadline)
    {
        (await _api.PostAsJsonAsync("/api/v1/vms", request with { Start = true }, Json)).EnsureSuccessStatusCode();
        await Eventually.MatchAsync(() => VmAsync(request.Name), vm => vm?.Observed == VmStatus.Running, deadline, $"VM {request.Name} to run");
    }

    /// <summary>Runs a shell script in the guest through the REST API's guest exec and returns its trimmed output; fails the test when it does not exit 0.</summary>
    public async Task<string> GuestShellAsync(string vm, string script)
    {
        var request = new ExecRequest { Command = ["/bin/sh", "-c", script], TimeoutSeconds = 30 };
        using var response = await _api.PostAsJsonAsync($"/api/v1/vms/{vm}/exec", request, Json);
        Assert.True(response.IsSuccessStatusCode, $"exec '{script}' in {vm}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var result = (await response.Content.ReadFromJsonAsync<GuestExecResult>(Json))!;
        Assert.True(result.ExitCode == 0, $"'{script}' exited {result.ExitCode} in {vm}: {result.StandardError}");
        return result.StandardOutput.Trim();
    }

    /// <summary>
    /// Powers a VM off so the next test's VM has the machine's two cores to itself. Best effort, for a
    /// test's finally block: a VM a failed test never made must not hide that test's own failure.
    /// </summary>
    public async Task StopVmAsync(string name)
    {
        try
        {
            using var response = await _api.PostAsync($"/api/v1/vms/{name}/stop", content: null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // The silo is gone or stuck; the fixture kills QEMU anyway.
        }
    }

    private async Task<T?> GetAsync<T>(string path) => await _api.GetFromJsonAsync<T>(path, Json);

    public async Task DisposeAsync()
    {
        // QEMU outlives its agent by design; end the VMs before the processes that made them.
        VmProcesses.KillAll(AgentDataDirectory);
        foreach (var process in new[] { _agent, _silo })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }

        _api.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
