using System.Net.Http.Json;
using System.Text.Json;
using Fabric.Contracts.Hosts;
using Fabric.Integration.Tests.Infrastructure;
using Fabric.Testing.Processes;
using Fabric.Testing.Waiting;

namespace Fabric.Integration.Tests.Cli;

/// <summary>
/// <c>fabric up</c> keeps one Orleans cluster id across runs (so a program's client settings stay right),
/// and a run that was killed does not keep the next one from starting.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class FabricUpRestartTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fabric-it-up-restart-").FullName;

    [Fact]
    public async Task Up_AfterTheLastRunWasKilled_StartsAgainWithTheSameClusterIdAndWritesTheClientFile()
    {
        string firstRedis;
        await using (var first = UpRun.Start(_directory, "--driver", "simulated"))
        {
            await first.WaitForBannerAsync();
            firstRedis = ReadClientFile(first).Redis;
            Assert.Contains($"Redis {firstRedis}", first.Output, StringComparison.Ordinal);
            Assert.Contains(first.ClientFile, first.Output, StringComparison.Ordinal);

            // SIGKILL: nothing of `fabric up` runs, its children die with it, and the silo's membership row stays Active in Redis.
            var children = ProcessTree.Descendants(first.Process.Id);
            System.Diagnostics.Process.GetProcessById(first.Process.Id).Kill();
            await Eventually.MatchAsync(() => Task.FromResult(children.Count(ProcessTree.IsAlive)), alive => alive == 0, TimeSpan.FromSeconds(30),
                "the killed fabric up's children to die with it");
        }

        await using var second = UpRun.Start(_directory, "--driver", "simulated");
        await second.WaitForBannerAsync();

        Assert.Contains("cleared the previous run's silo membership", second.Output, StringComparison.Ordinal);
        var client = ReadClientFile(second);
        Assert.Equal(("fabric", "fabric"), (client.ClusterId, client.ServiceId));
        using (var cluster = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(second.DataDirectory, "cluster.json"))))
        {
            Assert.Equal("fabric", cluster.RootElement.GetProperty("clusterId").GetString());
            Assert.Equal(cluster.RootElement.GetProperty("redis").GetProperty("endpoint").GetString(), client.Redis);
        }

        using var http = await second.ApiAsync();
        var host = Assert.Single((await http.GetFromJsonAsync<List<HostInfo>>("/api/v1/hosts", ClusterUnderTest.Json))!);
        Assert.Equal(HostState.Ready, host.State);
        Assert.Equal(0, await second.StopAsync());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static (string ClusterId, string ServiceId, string Redis) ReadClientFile(UpRun up)
    {
        using var file = JsonDocument.Parse(File.ReadAllText(up.ClientFile));
        var root = file.RootElement;
        return (root.GetProperty("clusterId").GetString()!, root.GetProperty("serviceId").GetString()!, root.GetProperty("redis").GetString()!);
    }
}
