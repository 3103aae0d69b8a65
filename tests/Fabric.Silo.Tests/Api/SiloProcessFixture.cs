using System.Net.Http.Headers;
using Fabric.Contracts.Hosts;
using Fabric.Testing.Orleans;
using Fabric.Testing.Processes;
using Fabric.Testing.Waiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Sdk;

namespace Fabric.Silo.Tests.Api;

/// <summary>
/// A real <c>fabric-silo --in-memory</c> process on free ports, without a token file (so it generates
/// one in its data dir), plus an Orleans client on its gateway that heartbeats as a fake host whose
/// storage pool is a temporary folder: enough for the REST edge and the image upload path, no agent.
/// </summary>
public sealed class SiloProcessFixture : IAsyncLifetime
{
    public const string FakeHost = "api-test-host";

    /// <summary>The silo's upload limit (<c>Fabric:Images:MaxUploadBytes</c>): small, so refusing a larger body costs megabytes, not gigabytes.</summary>
    public const long MaxUploadBytes = 4L << 20;

    private readonly int _gatewayPort = FreePort.Next();
    private IHost? _client;
    private readonly CancellationTokenSource _stopBeating = new();
    private Task _beating = Task.CompletedTask;

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("fabric-silo-api-").FullName;

    public string DataDir => Path.Combine(Directory, "data");

    /// <summary>The fake host's pool <c>local</c>; pool <c>ghost</c> points at a folder that does not exist.</summary>
    public string PoolFolder => Path.Combine(Directory, "pool");

    public string ImagesFolder => Path.Combine(PoolFolder, "images");

    /// <summary>The fake host's pool <c>small</c>: a 2 MiB tmpfs, so "more than the free space" costs megabytes.</summary>
    public TmpfsMount SmallPool { get; private set; } = null!;

    public string ApiUrl { get; } = $"http://127.0.0.1:{FreePort.Next()}";

    public string Token { get; private set; } = "";

    public ChildProcess Silo { get; private set; } = null!;

    /// <summary>A client without credentials.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>A client sending the admin token.</summary>
    public HttpClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(PoolFolder);
        SmallPool = TmpfsMount.Create(Path.Combine(Directory, "small"), 2L << 20);
        Silo = ChildProcess.StartDotnet(RepositoryPaths.SiloDll,
            ["--in-memory", "--urls", ApiUrl, $"--Fabric:SiloPort={FreePort.Next()}", $"--Fabric:GatewayPort={_gatewayPort}",
             $"--Fabric:DataDir={DataDir}", "--Fabric:Hosts:UnreachableAfter=01:00:00", $"--Fabric:Images:MaxUploadBytes={MaxUploadBytes}"],
            Path.Combine(Directory, "silo.log"));
        Anonymous = new HttpClient { BaseAddress = new Uri(ApiUrl), Timeout = TimeSpan.FromSeconds(30) };
        await Eventually.MatchAsync(
            async () => Silo.HasExited ? throw new XunitException($"silo exited: {Silo.Output}") : (int)(await Anonymous.GetAsync("/readyz")).StatusCode,
            status => status == 200, TimeSpan.FromSeconds(90), "the silo to be ready");

        Token = (await File.ReadAllTextAsync(Path.Combine(DataDir, "admin-token"))).Trim();
        Api = new HttpClient { BaseAddress = new Uri(ApiUrl), Timeout = TimeSpan.FromSeconds(30) };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        await RegisterFakeHostAsync();
    }

    public async Task DisposeAsync()
    {
        await _stopBeating.CancelAsync();
        await _beating.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopBeating.Dispose();
        if (_client is not null)
        {
            await _client.StopAsync();
            _client.Dispose();
        }

        Anonymous.Dispose();
        Api?.Dispose();
        await Silo.DisposeAsync();
        SmallPool.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private async Task RegisterFakeHostAsync()
    {
        _client = new HostBuilder().UseOrleansClient(c => c.UseLocalhostClustering(_gatewayPort, "fabric", "fabric")).Build();
        await _client.StartAsync();
        var capabilities = new HostCapabilities
        {
            CpuModel = "Test CPU",
            CpuCount = 2,
            MemoryBytes = 8L << 30,
            HypervisorDriver = "simulated",
            HypervisorVersion = "1.0",
            HardwareVirtualization = new HardwareVirtualization(false, "tcg", "test"),
            StoragePools = [new StoragePoolInfo("local", PoolFolder, 100L << 30, 50L << 30), new StoragePoolInfo("ghost", Path.Combine(Directory, "not-mounted"), 100L << 30, 50L << 30),
                new StoragePoolInfo("small", SmallPool.Folder, 2L << 20, 2L << 20)],
            OperatingSystem = "test",
            AgentVersion = "test",
        };
        var grains = _client.Services.GetRequiredService<IClusterClient>();
        var heartbeat = new HostHeartbeat(capabilities, [], DateTimeOffset.UtcNow);
        await grains.HeartbeatAsync(FakeHost, heartbeat);

        // Keep the host alive as a real agent does (renewing its lease), for as long as the tests run.
        _beating = BeatAsync(grains, heartbeat, _stopBeating.Token);
    }

    private static async Task BeatAsync(IGrainFactory grains, HostHeartbeat heartbeat, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        while (await timer.WaitForNextTickAsync(stop))
        {
            try
            {
                await grains.HeartbeatAsync(FakeHost, heartbeat);
            }
            catch (Exception ex) when (ex is TimeoutException or OrleansException)
            {
                // A slow silo under a heavy test: the next beat renews.
            }
        }
    }
}
