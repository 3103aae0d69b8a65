using Fabric.Cli.Config;
using Fabric.Cli.Up.ClusterFile;
using Fabric.Cli.Up.LeftoverVms;
using Fabric.Cli.Up.Namespaces;

namespace Fabric.Cli.Up;

/// <summary>
/// `fabric up` from start to stop: checks, lock, network namespaces (several hosts, as root), Redis,
/// the silos, the agents (all waited for together), cluster.json and the banner, then supervision
/// (<see cref="UpSupervisor"/>) until Ctrl-C/SIGTERM, or until Redis or every silo is gone. Children are stopped on every
/// exit path that runs code; for SIGKILL of `fabric up` itself, see <see cref="ChildLauncher"/>.
/// </summary>
internal sealed class UpRunner(CliContext context, UpSettings settings)
{
    private static readonly TimeSpan RedisDeadline = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan SiloDeadline = TimeSpan.FromSeconds(60);

    // The agent's first start probes hardware virtualization by booting a guest (~20 s under TCG).
    private static readonly TimeSpan AgentDeadline = TimeSpan.FromSeconds(90);

    private readonly TextWriter _out = context.Stdout;
    private readonly ReadinessWaiter _waiter = new(context.Time, TimeSpan.FromMilliseconds(250));

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var installation = FabricInstallation.Locate(context);
        var (data, dataError) = DataDirectory.Prepare(settings.DataDirectory ?? installation.DefaultDataDirectory);
        if (data is null)
        {
            return await FailAsync(dataError!, ExitCodes.Usage);
        }

        var (dataLock, refusal) = DataDirectoryLock.TryAcquire(data.Root, Environment.ProcessId);
        if (dataLock is null)
        {
            return await FailAsync(refusal!, ExitCodes.Usage);
        }

        using (dataLock)
        {
            if (UpPreflight.Check(settings, installation) is { } problem)
            {
                return await FailAsync(problem.Message, problem.ExitCode);
            }

            AdminTokenFile token;
            try
            {
                token = AdminTokenFile.Ensure(data.Root);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return await FailAsync($"cannot read or create the admin token in {data.Root}: {e.Message}", ExitCodes.Usage);
            }

            var network = NetworkPlan.Decide(settings.HostNames(), Environment.IsPrivilegedProcess, IpTool.Path is not null);
            var cluster = new LocalCluster(settings, installation, data, token.Path, network, context.Time);
            try
            {
                return await StartAndSuperviseAsync(cluster, data, token, cancellationToken);
            }
            catch (UpFailedException e)
            {
                await ReportFailureAsync(e);
                return ExitCodes.Failure;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await _out.WriteLineAsync("interrupted; stopping what was started");
                return 130;
            }
            finally
            {
                ClusterFileWriter.Delete(data);
                await cluster.StopAsync();
                await new LeftoverVmPolicy(_out, context.Time).ApplyAsync(cluster.Hosts, settings.InMemory);
                if (cluster.NamespacesCreated)
                {
                    foreach (var leftover in await NetworkNamespaces.DeleteAsync(network))
                    {
                        await context.Stderr.WriteLineAsync($"fabric up: {leftover}; remove it by hand");
                    }
                }

                await _out.WriteLineAsync("stopped.");
            }
        }
    }

    private async Task<int> StartAndSuperviseAsync(LocalCluster cluster, DataDirectory data, AdminTokenFile token, CancellationToken cancellationToken)
    {
        if (cluster.Network.Warning is { } warning)
        {
            await _out.WriteLineAsync(warning);
        }

        if (cluster.Network.Namespaces)
        {
            await _out.WriteLineAsync($"creating {cluster.Network.Hosts.Count} network namespaces ({NetworkPlan.NamespacePrefix}<host>) on bridge {NetworkPlan.Bridge} ({NetworkPlan.BridgeAddress}/{NetworkPlan.PrefixLength})");
            await cluster.CreateNamespacesAsync();
        }

        if (!settings.InMemory)
        {
            var redis = await cluster.StartRedisAsync();
            await _out.WriteLineAsync($"starting redis-server on {redis.Endpoint} (AOF in {data.Redis})");
            await _waiter.WaitAsync("redis-server to answer PING", redis.PingAsync, RedisDeadline, redis.Process, cluster.Children, cancellationToken);
            if (await redis.ClearMembershipAsync(LocalCluster.ServiceId, cancellationToken) > 0)
            {
                await _out.WriteLineAsync("cleared the previous run's silo membership from Redis (its silos are gone: this run holds the data folder's lock)");
            }
        }

        var first = await cluster.StartSiloAsync(1);
        await _out.WriteLineAsync(settings.Silos == 1 ? $"starting the silo on {cluster.ApiUrl}" : $"starting {first.Name} on {first.ApiUrl}");
        await WaitForSiloAsync(cluster, first, token, cancellationToken);
        if (settings.Silos > 1)
        {
            var others = new List<SiloInstance>();
            for (var index = 2; index <= settings.Silos; index++)
            {
                others.Add(await cluster.StartSiloAsync(index));
            }

            await _out.WriteLineAsync($"starting {string.Join(", ", others.Select(silo => $"{silo.Name} on {silo.ApiUrl}"))}");
            await Task.WhenAll(others.Select(silo => WaitForSiloAsync(cluster, silo, token, cancellationToken)));
        }

        var agentStartedAt = context.Time.GetUtcNow();
        var hosts = new List<HostInstance>();
        foreach (var host in cluster.Network.Hosts)
        {
            hosts.Add(await cluster.StartAgentAsync(host));
        }

        var what = settings.Hosts == 1 ? "the host agent" : $"{settings.Hosts} host agents ({string.Join(", ", hosts.Select(host => host.Name))})";
        await _out.WriteLineAsync(settings.Driver == "qemu"
            ? $"starting {what} (driver qemu; the first start probes hardware virtualization, ~20 s)"
            : $"starting {what} (driver {settings.Driver})");
        var api = new ClusterProbes(cluster.ApiUrl, token.Token);
        await Task.WhenAll(hosts.Select(host => _waiter.WaitAsync(
            settings.Hosts == 1 ? "the host to be Ready (GET /api/v1/hosts)" : $"host {host.Name} to be Ready (GET /api/v1/hosts)",
            ct => api.HostReadyAsync(settings.Hosts == 1 ? settings.HostName : host.Name, agentStartedAt, ct),
            AgentDeadline,
            host.Agent,
            cluster.Children,
            cancellationToken)));

        var configStore = CliConfigStore.For(context);
        configStore.Save(new CliConfig(cluster.ApiUrl, token.Token));
        var clientFile = configStore.ClientFilePath;
        cluster.ConnectionFile().Write(clientFile);
        ClusterFileWriter.Write(data, ClusterFileWriter.Describe(cluster, token.Path));
        await UpBanner.WriteAsync(_out, cluster, data, new UpBanner.Files(configStore.Path, clientFile), token, ChildLauncher.DiesWithParent);

        await new UpSupervisor(cluster, _out, context.Time).WatchAsync(cancellationToken);
        await _out.WriteLineAsync($"stopping {string.Join(", then ", StopOrder(cluster))}...");
        return ExitCodes.Ok;
    }

    private Task WaitForSiloAsync(LocalCluster cluster, SiloInstance silo, AdminTokenFile token, CancellationToken cancellationToken) =>
        _waiter.WaitAsync(
            settings.Silos == 1 ? "the silo to be ready (GET /readyz)" : $"{silo.Name} to be ready (GET {silo.ApiUrl}/readyz)",
            new ClusterProbes(silo.ApiUrl, token.Token).SiloReadyAsync,
            SiloDeadline,
            silo.Process,
            cluster.Children,
            cancellationToken);

    private static IEnumerable<string> StopOrder(LocalCluster cluster)
    {
        var alive = cluster.Children.Where(child => !child.Exited.IsCompleted).ToList();
        var agents = alive.Where(child => cluster.Hosts.Any(host => host.Agent == child)).ToList();
        var rest = alive.Except(agents).Reverse().Select(child => child.Name);
        return agents.Count switch
        {
            0 => rest,
            1 => [agents[0].Name, .. rest],
            _ => [$"the {agents.Count} agents", .. rest],
        };
    }

    private async Task ReportFailureAsync(UpFailedException failure)
    {
        await context.Stderr.WriteLineAsync($"fabric up: {failure.Message}");
        if (failure.Culprit is { } child)
        {
            await context.Stderr.WriteLineAsync($"last lines of {child.LogPath}:");
            foreach (var line in LogTail.Read(child.LogPath))
            {
                await context.Stderr.WriteLineAsync("  " + line);
            }
        }
    }

    private async Task<int> FailAsync(string message, int exitCode)
    {
        await context.Stderr.WriteLineAsync($"fabric up: {message}");
        return exitCode;
    }
}
