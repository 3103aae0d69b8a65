using Fabric.Cli.Config;

namespace Fabric.Cli.Up;

/// <summary>
/// `fabric up` from start to stop: checks, lock, children one after the other (each waited for),
/// the banner, then supervision until Ctrl-C/SIGTERM or a child dies. Children are stopped on every
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

            var cluster = new LocalCluster(settings, installation, data, token.Path, context.Time);
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
                await cluster.StopAsync();
                await _out.WriteLineAsync("stopped.");
            }
        }
    }

    private async Task<int> StartAndSuperviseAsync(LocalCluster cluster, DataDirectory data, AdminTokenFile token, CancellationToken cancellationToken)
    {
        if (!settings.InMemory)
        {
            var redis = await cluster.StartRedisAsync();
            await _out.WriteLineAsync($"starting redis-server on {redis.Endpoint} (AOF in {data.Redis})");
            await _waiter.WaitAsync("redis-server to answer PING", redis.PingAsync, RedisDeadline, redis.Process, cluster.Children, cancellationToken);
        }

        var silo = await cluster.StartSiloAsync();
        await _out.WriteLineAsync($"starting the silo on {cluster.ApiUrl}");
        var api = new ClusterProbes(cluster.ApiUrl, token.Token);
        await _waiter.WaitAsync("the silo to be ready (GET /readyz)", api.SiloReadyAsync, SiloDeadline, silo, cluster.Children, cancellationToken);

        var agentStartedAt = context.Time.GetUtcNow();
        var agent = await cluster.StartAgentAsync();
        await _out.WriteLineAsync(settings.Driver == "qemu"
            ? "starting the host agent (driver qemu; its first start probes hardware virtualization, ~20 s)"
            : $"starting the host agent (driver {settings.Driver})");
        await _waiter.WaitAsync(
            "the host to be Ready (GET /api/v1/hosts)",
            ct => api.HostReadyAsync(settings.HostName, agentStartedAt, ct),
            AgentDeadline,
            agent,
            cluster.Children,
            cancellationToken);

        var configStore = CliConfigStore.For(context);
        configStore.Save(new CliConfig(cluster.ApiUrl, token.Token));
        await UpBanner.WriteAsync(_out, cluster, data, configStore.Path, token, ChildLauncher.DiesWithParent);

        var anyExited = Task.WhenAny(cluster.Children.Select(child => child.Exited));
        var stopRequested = Task.Delay(Timeout.Infinite, cancellationToken);
        if (await Task.WhenAny(anyExited, stopRequested) == anyExited)
        {
            var exited = cluster.Children.First(child => child.Exited.IsCompleted);
            throw new UpFailedException($"{exited.Name} {exited.DescribeExit()} unexpectedly; stopping the rest", exited);
        }

        await _out.WriteLineAsync($"stopping {string.Join(", then ", cluster.Children.Reverse().Select(child => child.Name))}...");
        return ExitCodes.Ok;
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
