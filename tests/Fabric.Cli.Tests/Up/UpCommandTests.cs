using Fabric.Cli.Tests.TestSupport;
using Fabric.Cli.Up;

namespace Fabric.Cli.Tests.Up;

/// <summary>`fabric up`'s refusals: each is one clear message and an exit code, before any child starts.</summary>
public sealed class UpCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("http")]
    [InlineData("-1")]
    public async Task Up_InvalidPort_UsageExit2(string port)
    {
        var result = await _cli.RunAsync("up", "--port", port, "--data-dir", _cli.Temporary("data"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--port must be a TCP port number from 1 to 65535", result.Stderr);
        Assert.False(Directory.Exists(_cli.Temporary("data")), "nothing is created for a refused command");
    }

    [Fact]
    public async Task Up_UnknownDriver_UsageExit2ListingDrivers()
    {
        var result = await _cli.RunAsync("up", "--driver", "kvm");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'kvm'", result.Stderr);
        Assert.Contains("'qemu'", result.Stderr);
        Assert.Contains("'simulated'", result.Stderr);
    }

    [Fact]
    public async Task Up_InvalidHostName_UsageExit2()
    {
        var result = await _cli.RunAsync("up", "--host-name", "Node_1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--host-name: host name 'Node_1' is not a DNS name", result.Stderr);
    }

    [Theory]
    [InlineData("--hosts", "0", "--hosts must be a number from 1 to 16, not '0'")]
    [InlineData("--hosts", "17", "--hosts must be a number from 1 to 16, not '17'")]
    [InlineData("--hosts", "two", "--hosts must be a number from 1 to 16, not 'two'")]
    [InlineData("--silos", "0", "--silos must be a number from 1 to 5, not '0'")]
    [InlineData("--silos", "6", "--silos must be a number from 1 to 5, not '6'")]
    public async Task Up_CountOutOfRange_UsageExit2NamingTheRange(string option, string value, string expected)
    {
        var result = await _cli.RunAsync("up", option, value, "--data-dir", _cli.Temporary("data"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr);
        Assert.False(Directory.Exists(_cli.Temporary("data")), "nothing is created for a refused command");
    }

    [Fact]
    public async Task Up_SeveralSilosInMemory_RefusedSayingRedisIsNeeded()
    {
        var result = await _cli.RunAsync("up", "--silos", "2", "--in-memory", "--data-dir", _cli.Temporary("data"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--silos 2 needs Redis", result.Stderr);
        Assert.Contains("drop --in-memory, or use --silos 1", result.Stderr);
        Assert.False(Directory.Exists(_cli.Temporary("data")), "nothing is created for a refused command");
    }

    [Fact]
    public async Task Up_HostNamePrefixTooLongForItsNumber_UsageExit2()
    {
        var prefix = new string('a', 62);

        var result = await _cli.RunAsync("up", "--hosts", "2", "--host-name", prefix);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--host-name with --hosts 2 names the hosts {prefix}-1..{prefix}-2", result.Stderr);
    }

    [Fact]
    public async Task Up_UnknownOption_UsageExit2()
    {
        var result = await _cli.RunAsync("up", "--turbo");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--turbo", result.Stderr);
        Assert.Contains("Usage:", result.Stderr);
    }

    [Fact]
    public async Task Up_UnwritableDataDir_OneLineNamingDataDirExit2()
    {
        File.WriteAllText(_cli.Temporary("file"), "");

        var result = await _cli.RunAsync("up", "--data-dir", _cli.Temporary("file", "data"));

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("fabric up: data dir ", line);
        Assert.Contains("pass --data-dir DIR", line);
    }

    [Fact]
    public async Task Up_DataDirLockedByAnotherUp_RefusesWithPidExit2()
    {
        var dataDirectory = _cli.Temporary("data");
        Directory.CreateDirectory(dataDirectory);
        var (held, _) = DataDirectoryLock.TryAcquire(dataDirectory, ownPid: 31337);
        using var _ = held;

        var result = await _cli.RunAsync("up", "--data-dir", dataDirectory);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{dataDirectory} is in use by process 31337", result.Stderr);
    }

    [Fact]
    public async Task Up_SiloNotBuilt_SaysHowToBuildExit1AndReleasesLock()
    {
        var dataDirectory = _cli.Temporary("data");

        var result = await _cli.RunAsync("up", "--in-memory", "--data-dir", dataDirectory);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"cannot find the silo at {_cli.Temporary("checkout")}/src/Fabric.Silo/bin/Release/net10.0/fabric-silo.dll", result.Stderr);
        Assert.Contains("./fabric", result.Stderr);
        var (again, _) = DataDirectoryLock.TryAcquire(dataDirectory, ownPid: 1);
        using var _ = again;
        Assert.NotNull(again);
    }

    [Fact]
    public async Task Up_PortInUse_UsageExit2NamingPort()
    {
        var checkout = _cli.Temporary("checkout");
        foreach (var (project, dll) in new[] { ("Fabric.Silo", "fabric-silo.dll"), ("Fabric.HostAgent", "fabric-agent.dll") })
        {
            var output = Path.Combine(checkout, "src", project, "bin", "Release", "net10.0");
            Directory.CreateDirectory(output);
            File.WriteAllText(Path.Combine(output, dll), "");
        }

        using var occupant = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((System.Net.IPEndPoint)occupant.LocalEndpoint).Port;

        var result = await _cli.RunAsync("up", "--in-memory", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data-dir", _cli.Temporary("data"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"port {port} on 127.0.0.1 is in use", result.Stderr);
        Assert.Contains("--port", result.Stderr);
    }

    public void Dispose() => _cli.Dispose();
}
