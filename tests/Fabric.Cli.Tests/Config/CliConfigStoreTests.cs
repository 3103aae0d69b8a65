using Fabric.Cli.Config;
using Fabric.Cli.Tests.TestSupport;

namespace Fabric.Cli.Tests.Config;

public sealed class CliConfigStoreTests : IDisposable
{
    private readonly CliHarness _cli = new();

    [Fact]
    public void For_XdgConfigHomeSet_UsesIt()
    {
        var store = CliConfigStore.For(Context());

        Assert.Equal(Path.Combine(_cli.ConfigHome, "fabric", "config.json"), store.Path);
    }

    [Fact]
    public void For_NoXdgConfigHome_UsesDotConfigInHome()
    {
        _cli.Environment.Remove("XDG_CONFIG_HOME");

        var store = CliConfigStore.For(Context());

        Assert.Equal(Path.Combine(_cli.Temporary("home"), ".config", "fabric", "config.json"), store.Path);
    }

    [Fact]
    public void SaveThenLoad_RoundTripsCamelCaseFile()
    {
        var store = CliConfigStore.For(Context());

        store.Save(new CliConfig("http://127.0.0.1:9000"));

        Assert.Equal("http://127.0.0.1:9000", store.Load().ApiUrl);
        Assert.Contains("\"apiUrl\": \"http://127.0.0.1:9000\"", File.ReadAllText(store.Path));
    }

    [Fact]
    public void Load_CorruptFile_IsEmptyConfig()
    {
        var store = CliConfigStore.For(Context());
        Directory.CreateDirectory(Path.GetDirectoryName(store.Path)!);
        File.WriteAllText(store.Path, "{not json");

        Assert.Null(store.Load().ApiUrl);
    }

    private CliContext Context() => new()
    {
        Stdout = TextWriter.Null,
        Stderr = TextWriter.Null,
        GetEnvironmentVariable = name => _cli.Environment.GetValueOrDefault(name),
    };

    public void Dispose() => _cli.Dispose();
}
