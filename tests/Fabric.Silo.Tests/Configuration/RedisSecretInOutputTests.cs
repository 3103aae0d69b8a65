using Fabric.Testing.Processes;
using Fabric.Testing.Waiting;

namespace Fabric.Silo.Tests.Configuration;

/// <summary>
/// The real silo process given a Redis password: whatever it prints about Redis (an unreachable
/// server, a connection string it cannot parse) names the server and never the password.
/// </summary>
public sealed class RedisSecretInOutputTests : IDisposable
{
    private const string Secret = "s3cret-redis-pw";
    private readonly string _directory = Directory.CreateTempSubdirectory("fabric-silo-redis-secret-").FullName;

    [Fact]
    public async Task Start_UnreachableRedisWithPassword_ErrorNamesTheServerNotThePassword()
    {
        // Nothing listens on a fresh free port: every connection attempt is refused.
        var redis = $"127.0.0.1:{FreePort.Next()}";
        await using var silo = StartSilo($"{redis},password={Secret}");

        var output = await Eventually.MatchAsync(() => Task.FromResult(silo.Output),
            o => o.Contains($"UnableToConnect (0-read, 0-sent) on {redis}", StringComparison.Ordinal), TimeSpan.FromSeconds(120),
            $"the silo to report that it cannot connect to Redis at {redis}");

        Assert.DoesNotContain(Secret, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_UnparsableRedisStringWithPassword_OneLineNamesTheServerNotThePassword()
    {
        await using var silo = StartSilo($"127.0.0.1:6379, password = {Secret},bogus=1");

        Assert.Equal(2, await silo.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var line = Assert.Single(silo.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("fabric-silo: cannot start: Fabric:Redis: '127.0.0.1:6379, password =***,bogus=1' is not a Redis connection string", line, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, line, StringComparison.Ordinal);
    }

    private ChildProcess StartSilo(string redis) => ChildProcess.StartDotnet(RepositoryPaths.SiloDll,
        ["--urls", $"http://127.0.0.1:{FreePort.Next()}", $"--Fabric:Redis={redis}", $"--Fabric:SiloPort={FreePort.Next()}",
         $"--Fabric:GatewayPort={FreePort.Next()}", $"--Fabric:DataDir={Path.Combine(_directory, "data")}"],
        Path.Combine(_directory, "silo.log"));

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
