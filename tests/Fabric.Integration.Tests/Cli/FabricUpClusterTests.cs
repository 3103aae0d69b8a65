using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fabric.Contracts.Hosts;
using Fabric.Integration.Tests.Infrastructure;
using Fabric.Testing.Waiting;

namespace Fabric.Integration.Tests.Cli;

/// <summary>
/// The real <c>fabric up --hosts N</c> and <c>--silos M</c>: several hosts on one machine, each agent
/// in its own network namespace (as root), several silos in one cluster, <c>cluster.json</c> describing
/// it all, and a cluster that keeps running when one silo dies.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class FabricUpClusterTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fabric-it-up-cluster-").FullName;

    private string DataDirectory => Path.Combine(_directory, "data");

    private string ClusterFile => Path.Combine(DataDirectory, "cluster.json");

    [Fact]
    public async Task UpTwoHosts_BothReadyEachInItsOwnNamespace_OneCanBeCutOffAndOneKilled_StopRemovesNamespacesAndClusterFile()
    {
        Assert.True(Environment.IsPrivilegedProcess && File.Exists("/usr/sbin/ip"), "this test needs root and iproute2: it checks the hosts' network namespaces");
        await using var up = UpRun.Start(_directory, "--driver", "simulated", "--hosts", "2");
        await up.WaitForBannerAsync();
        var port = up.Port;

        using var cluster = JsonDocument.Parse(await File.ReadAllTextAsync(ClusterFile));
        var root = cluster.RootElement;
        Assert.Equal(($"http://127.0.0.1:{port}", "fabric", true), (root.GetProperty("apiUrl").GetString(), root.GetProperty("serviceId").GetString(), root.GetProperty("namespaces").GetBoolean()));
        Assert.Equal(Path.Combine(DataDirectory, "admin-token"), root.GetProperty("adminTokenFile").GetString());
        Assert.Equal(Path.Combine(DataDirectory, "pools", "local"), root.GetProperty("pools").GetProperty("local").GetString());
        var redis = root.GetProperty("redis");
        Assert.StartsWith("198.18.0.1:", redis.GetProperty("endpoint").GetString(), StringComparison.Ordinal);
        Assert.Equal("/usr/bin/redis-server", redis.GetProperty("commandLine")[0].GetString());
        Assert.Equal(Path.Combine(DataDirectory, "redis"), redis.GetProperty("workingDirectory").GetString());
        Assert.Contains("redis-server", Process.GetProcessById(redis.GetProperty("pid").GetInt32()).ProcessName, StringComparison.Ordinal);
        var silo = Assert.Single(root.GetProperty("silos").EnumerateArray());
        Assert.Equal(("silo-1", $"http://127.0.0.1:{port}"), (silo.GetProperty("name").GetString(), silo.GetProperty("apiUrl").GetString()));

        var hosts = root.GetProperty("hosts").EnumerateArray().ToList();
        Assert.Equal(2, hosts.Count);
        for (var index = 1; index <= 2; index++)
        {
            var host = hosts[index - 1];
            Assert.Equal(
                ($"host-{index}", $"fabric-host-{index}", $"fv-{index}", $"198.18.0.{10 + index}", Path.Combine(DataDirectory, "hosts", $"host-{index}")),
                (host.GetProperty("name").GetString(), host.GetProperty("netns").GetString(), host.GetProperty("veth").GetString(),
                    host.GetProperty("address").GetString(), host.GetProperty("dataDir").GetString()));
            Assert.True(File.Exists(host.GetProperty("log").GetString()), $"the log of host-{index} exists");
        }

        var listed = await GetHostsAsync(port);
        Assert.Equal(["host-1", "host-2"], listed.Select(host => host.Name).Order());
        Assert.All(listed, host => Assert.Equal(HostState.Ready, host.State));

        var agentNetworks = hosts.Select(host => NetworkNamespaceOf(host.GetProperty("agentPid").GetInt32())).ToList();
        Assert.NotEqual(agentNetworks[0], agentNetworks[1]);
        Assert.DoesNotContain(NetworkNamespaceOf(Environment.ProcessId), agentNetworks);
        Assert.Contains("fabric-host-1", await IpAsync("netns", "list"));

        // Cut host-1 off: it can no longer renew its lease, so the cluster declares it dead (Fenced), while host-2 lives on.
        Assert.Equal("", await IpAsync("link", "set", "fv-1", "down"));
        await Eventually.MatchAsync(() => TryGetHostsAsync(port), listed => listed?.Single(host => host.Name == "host-1").State == HostState.Fenced,
            TimeSpan.FromMinutes(1), "host-1 to be declared dead (Fenced) once its veth is down and its lease lapsed");
        Assert.Equal(HostState.Ready, (await GetHostsAsync(port)).Single(host => host.Name == "host-2").State);

        // Kill host-2's agent: `fabric up` says so and keeps running.
        Process.GetProcessById(hosts[1].GetProperty("agentPid").GetInt32()).Kill();
        await Eventually.MatchAsync(() => Task.FromResult(up.Output),
            output => output.Contains("agent host-2 exited (signal KILL); the cluster will treat host-2 as failed", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "fabric up to report that host-2's agent died");
        Assert.False(up.Process.HasExited, $"fabric up keeps running when an agent dies:\n{up.Output}");

        Assert.Equal(0, await up.StopAsync());
        Assert.False(File.Exists(ClusterFile), "cluster.json is deleted at stop");
        var namespacesLeft = await IpAsync("netns", "list");
        Assert.DoesNotContain("fabric-host-1", namespacesLeft, StringComparison.Ordinal);
        Assert.DoesNotContain("fabric-host-2", namespacesLeft, StringComparison.Ordinal);
        Assert.Contains("does not exist", await IpAsync("link", "show", "fabric-br0"), StringComparison.Ordinal);
        var linksLeft = await IpAsync("-o", "link", "show");
        Assert.DoesNotContain(" fv-1@", linksLeft, StringComparison.Ordinal);
        Assert.DoesNotContain(" fv-2@", linksLeft, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpTwoHostsInMemory_AgentsInTheirNamespacesReachTheSiloOnTheBridge()
    {
        Assert.True(Environment.IsPrivilegedProcess && File.Exists("/usr/sbin/ip"), "this test needs root and iproute2: it checks the hosts' network namespaces");
        await using var up = UpRun.Start(_directory, "--driver", "simulated", "--hosts", "2", "--in-memory");
        await up.WaitForBannerAsync();
        var port = up.Port;

        using (var cluster = JsonDocument.Parse(await File.ReadAllTextAsync(ClusterFile)))
        {
            Assert.True(cluster.RootElement.GetProperty("namespaces").GetBoolean());
            Assert.Equal(JsonValueKind.Null, cluster.RootElement.GetProperty("redis").ValueKind);
        }

        var listed = await GetHostsAsync(port);
        Assert.Equal(["host-1", "host-2"], listed.Select(host => host.Name).Order());
        Assert.All(listed, host => Assert.Equal(HostState.Ready, host.State));

        Assert.Equal(0, await up.StopAsync());
    }

    [Fact]
    public async Task UpTwoSilos_BothInTheMembership_KillingTheSecondLeavesTheApiOnTheFirstAndUpRunning()
    {
        await using var up = UpRun.Start(_directory, "--driver", "simulated", "--silos", "2");
        await up.WaitForBannerAsync();
        var port = up.Port;

        using var cluster = JsonDocument.Parse(await File.ReadAllTextAsync(ClusterFile));
        var silos = cluster.RootElement.GetProperty("silos").EnumerateArray().ToList();
        Assert.Equal(["silo-1", "silo-2"], silos.Select(silo => silo.GetProperty("name").GetString()));
        Assert.Equal($"http://127.0.0.1:{port}", silos[0].GetProperty("apiUrl").GetString());
        Assert.NotEqual(silos[0].GetProperty("apiUrl").GetString(), silos[1].GetProperty("apiUrl").GetString());
        var redis = cluster.RootElement.GetProperty("redis").GetProperty("endpoint").GetString()!;
        var clusterId = cluster.RootElement.GetProperty("clusterId").GetString()!;
        await using (var client = await ClusterClientConnection.ConnectAsync(redis, clusterId))
        {
            var active = await client.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
            Assert.Equal(
                silos.Select(silo => silo.GetProperty("siloPort").GetInt32()).Order(),
                active.Keys.Select(address => address.Endpoint.Port).Order());
        }

        Process.GetProcessById(silos[1].GetProperty("pid").GetInt32()).Kill();

        await Eventually.MatchAsync(() => Task.FromResult(up.Output), output => output.Contains("silo-2 exited (signal KILL); 1 of 2 silos still running", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "fabric up to report that silo-2 died");
        var hosts = await Eventually.MatchAsync(() => TryGetHostsAsync(port), hosts => hosts is [{ State: HostState.Ready }], TimeSpan.FromMinutes(1),
            "the first silo's REST API to list the host as Ready after silo-2 died");
        Assert.NotNull(hosts);
        Assert.False(up.Process.HasExited, $"fabric up keeps running when one of two silos dies:\n{up.Output}");

        Assert.Equal(0, await up.StopAsync());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<List<HostInfo>> GetHostsAsync(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", (await File.ReadAllTextAsync(Path.Combine(DataDirectory, "admin-token"))).Trim());
        return await http.GetFromJsonAsync<List<HostInfo>>($"http://127.0.0.1:{port}/api/v1/hosts", ClusterUnderTest.Json) ?? [];
    }

    private async Task<List<HostInfo>?> TryGetHostsAsync(int port)
    {
        try
        {
            return await GetHostsAsync(port);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private static string NetworkNamespaceOf(int pid) => new FileInfo($"/proc/{pid}/ns/net").LinkTarget!;

    private static async Task<string> IpAsync(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("/usr/sbin/ip") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var ip = Process.Start(startInfo)!;
        var output = ip.StandardOutput.ReadToEndAsync();
        var error = ip.StandardError.ReadToEndAsync();
        await ip.WaitForExitAsync();
        return await output + await error;
    }
}
