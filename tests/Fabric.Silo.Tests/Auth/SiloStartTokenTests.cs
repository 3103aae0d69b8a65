using Fabric.Testing.Processes;

namespace Fabric.Silo.Tests.Auth;

public sealed class SiloStartTokenTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fabric-silo-start-").FullName;

    [Theory]
    [InlineData("empty", "is empty")]
    [InlineData("missing", "cannot read")]
    public async Task Start_UnusableTokenFile_ExitsWithOneLineNamingTheSetting(string kind, string expected)
    {
        var path = Path.Combine(_directory, kind);
        if (kind == "empty")
        {
            await File.WriteAllTextAsync(path, "");
        }

        await using var silo = ChildProcess.StartDotnet(RepositoryPaths.SiloDll,
            ["--in-memory", "--urls", $"http://127.0.0.1:{FreePort.Next()}", $"--Fabric:AdminTokenFile={path}"],
            Path.Combine(_directory, "silo.log"));

        Assert.Equal(2, await silo.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var line = Assert.Single(silo.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"fabric-silo: cannot start: Fabric:AdminTokenFile: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
