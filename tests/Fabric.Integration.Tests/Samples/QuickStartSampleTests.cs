using System.Globalization;
using System.Net;
using Fabric.Integration.Tests.Cli;
using Fabric.Integration.Tests.Infrastructure;
using Fabric.Testing.Processes;

namespace Fabric.Integration.Tests.Samples;

/// <summary>
/// <c>samples/QuickStart</c>, built as an outside program is (against the packed Fabric.Client, not the
/// projects) and run against a real <c>./fabric up</c> (QEMU), finding the cluster through the client
/// file `up` wrote and nothing else.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class QuickStartSampleTests : IDisposable
{
    private static readonly TimeSpan SampleDeadline = TimeSpan.FromMinutes(8);
    private readonly string _directory = Directory.CreateTempSubdirectory("fabric-it-sample-").FullName;
    private readonly string _version = "0.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);

    private static string Feed => Path.Combine(RepositoryPaths.Root, "artifacts", "packages");

    [Fact]
    public async Task QuickStart_AgainstFabricUp_ListsHostsCreatesWaitsReadsStopsAndDeletes()
    {
        await using var up = UpRun.Start(_directory, "--driver", "qemu", "--host-name", "sample-host");
        await up.WaitForBannerAsync();
        Assert.Equal(0, await RunAsync("bash", [Path.Combine(RepositoryPaths.Root, "scripts", "pack.sh"), "--version", _version], "pack.log"));

        var exitCode = await RunAsync(
            "dotnet",
            ["run", "--project", Path.Combine(RepositoryPaths.Root, "samples", "QuickStart"), "-p:FabricVersion=" + _version, "--", "--vm", "sample1"],
            "sample.log",
            new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = up.ConfigHome });

        var output = await File.ReadAllTextAsync(Path.Combine(_directory, "sample.log"));
        Assert.True(exitCode == 0, $"the sample exited {exitCode}:\n{output}");
        Assert.Contains("host sample-host: Ready", output, StringComparison.Ordinal);
        Assert.Contains("start of sample1: Succeeded", output, StringComparison.Ordinal);
        Assert.Contains("vm sample1: Running on sample-host", output, StringComparison.Ordinal);
        Assert.Contains("stop of sample1: Succeeded", output, StringComparison.Ordinal);
        Assert.Contains("deleted sample1", output, StringComparison.Ordinal);
        using var http = await up.ApiAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/v1/vms/sample1")).StatusCode);
        Assert.Equal(0, await up.StopAsync());
    }

    public void Dispose()
    {
        foreach (var package in Directory.Exists(Feed) ? Directory.EnumerateFiles(Feed, $"*.{_version}.nupkg") : [])
        {
            File.Delete(package);
        }

        VmProcesses.KillAll(Path.Combine(_directory, "data"));
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<int> RunAsync(string program, string[] arguments, string log, Dictionary<string, string>? environment = null)
    {
        await using var process = ChildProcess.Start(program, arguments, Path.Combine(_directory, log), environment, RepositoryPaths.Root);
        var exitCode = await process.WaitForExitAsync(SampleDeadline);
        Assert.True(exitCode == 0 || log == "sample.log", $"{program} {string.Join(' ', arguments)} exited {exitCode}:\n{process.Output}");
        return exitCode;
    }
}
