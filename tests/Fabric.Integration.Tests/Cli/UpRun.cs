using System.Globalization;
using System.Net.Http.Headers;
using Fabric.Testing.Processes;
using Fabric.Testing.Waiting;

namespace Fabric.Integration.Tests.Cli;

/// <summary>One real <c>fabric up</c> in a test's folder: data in <c>data/</c>, CLI and client files in <c>config/fabric/</c>, its output in <c>up-N.log</c>.</summary>
public sealed class UpRun : IAsyncDisposable
{
    private static readonly TimeSpan UpDeadline = TimeSpan.FromMinutes(3);
    private static int _runs;

    private UpRun(string directory, int port, ChildProcess process)
    {
        Directory = directory;
        Port = port;
        Process = process;
    }

    public string Directory { get; }

    public int Port { get; }

    public ChildProcess Process { get; }

    public string ApiUrl => $"http://127.0.0.1:{Port}";

    public string DataDirectory => Path.Combine(Directory, "data");

    public string ConfigHome => Path.Combine(Directory, "config");

    public string ClientFile => Path.Combine(ConfigHome, "fabric", "client.json");

    public string Output => Process.Output;

    /// <summary>Starts <c>fabric up --data-dir … --port … OPTIONS</c> (add <c>--driver simulated</c> unless QEMU is wanted).</summary>
    public static UpRun Start(string directory, params string[] options)
    {
        var port = FreePort.Next();
        var log = Path.Combine(directory, $"up-{Interlocked.Increment(ref _runs)}.log");
        var process = ChildProcess.StartDotnet(
            RepositoryPaths.CliDll,
            ["up", "--data-dir", Path.Combine(directory, "data"), "--port", port.ToString(CultureInfo.InvariantCulture), .. options],
            log,
            new Dictionary<string, string> { ["FABRIC_HOME"] = RepositoryPaths.Root, ["XDG_CONFIG_HOME"] = Path.Combine(directory, "config") });
        return new UpRun(directory, port, process);
    }

    /// <summary>Waits for "Fabric is up."; fails at once (with the output) when `fabric up` exits instead.</summary>
    public Task WaitForBannerAsync() => Eventually.MatchAsync(
        () =>
        {
            if (Process.HasExited)
            {
                Assert.Fail($"fabric up exited {Process.ExitCode}:\n{Process.Output}");
            }

            return Task.FromResult(Process.Output);
        },
        output => output.Contains("Fabric is up.", StringComparison.Ordinal), UpDeadline, "fabric up to say the cluster is up");

    /// <summary>An HTTP client for the REST API with the cluster's admin token.</summary>
    public async Task<HttpClient> ApiAsync()
    {
        var http = new HttpClient { BaseAddress = new Uri(ApiUrl), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await File.ReadAllTextAsync(Path.Combine(DataDirectory, "admin-token"))).Trim());
        return http;
    }

    /// <summary>Ctrl-C (SIGTERM when this runs in the background of a shell, where SIGINT is ignored), then waits for the exit code.</summary>
    public Task<int> StopAsync()
    {
        if (Signal.InterruptIgnoredHere())
        {
            Signal.Terminate(Process.Id);
        }
        else
        {
            Signal.Interrupt(Process.Id);
        }

        return Process.WaitForExitAsync(TimeSpan.FromMinutes(2));
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
