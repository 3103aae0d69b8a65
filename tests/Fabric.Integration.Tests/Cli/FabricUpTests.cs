using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fabric.Contracts.Hosts;
using Fabric.Integration.Tests.Infrastructure;
using Fabric.Testing.Processes;

namespace Fabric.Integration.Tests.Cli;

/// <summary>
/// The real <c>fabric up</c>, as an operator runs it: it starts Redis, a silo and a host agent,
/// says where the cluster is, and Ctrl-C (or SIGTERM) stops everything it started.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed partial class FabricUpTests : IDisposable
{
    private const string HostName = "it-up";
    private readonly string _directory = Directory.CreateTempSubdirectory("fabric-it-up-").FullName;

    [Fact]
    public async Task Up_WithRedis_StartsAClusterWhoseHostIsListed_AndCtrlCStopsEverythingItStarted()
    {
        await using var up = UpRun.Start(_directory, "--driver", "simulated", "--host-name", HostName);
        await up.WaitForBannerAsync();
        var port = up.Port;
        var banner = up.Output;
        var apiUrl = ApiLine().Match(banner).Groups[1].Value;
        var token = TokenLine().Match(banner).Groups[1].Value;
        Assert.Equal($"http://127.0.0.1:{port}", apiUrl);
        using (var saved = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_directory, "config", "fabric", "config.json"))))
        {
            Assert.Equal((apiUrl, token), (saved.RootElement.GetProperty("apiUrl").GetString(), saved.RootElement.GetProperty("token").GetString()));
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"{apiUrl}/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"{apiUrl}/api/v1/hosts")).StatusCode);
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var hosts = await http.GetFromJsonAsync<List<HostInfo>>($"{apiUrl}/api/v1/hosts", ClusterUnderTest.Json);
        var host = Assert.Single(hosts!);
        Assert.Equal((HostName, HostState.Ready, "simulated"), (host.Name, host.State, host.Capabilities!.HypervisorDriver));

        var started = ProcessTree.Descendants(up.Process.Id);
        Assert.Contains(started, p => p.CommandLine.Contains("redis-server", StringComparison.Ordinal));
        Assert.Contains(started, p => p.CommandLine.Contains("fabric-silo.dll", StringComparison.Ordinal));
        Assert.Contains(started, p => p.CommandLine.Contains("fabric-agent.dll", StringComparison.Ordinal));

        Assert.Equal(0, await up.StopAsync());
        Assert.Contains("stopped.", up.Output, StringComparison.Ordinal);
        var left = started.Where(ProcessTree.IsAlive).Select(p => $"{p.Pid}: {p.CommandLine}").ToList();
        Assert.True(left.Count == 0, $"fabric up exited but left these running:\n{string.Join('\n', left)}");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [GeneratedRegex(@"API and dashboard\s+(\S+?)/?\r?$", RegexOptions.Multiline)]
    private static partial Regex ApiLine();

    [GeneratedRegex(@"API token\s+(\S+)")]
    private static partial Regex TokenLine();
}
