using Fabric.Client.Connection;
using Microsoft.Extensions.Configuration;

namespace Fabric.Client.Tests.Connection;

public sealed class FabricConnectionSettingsTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("fabric-client-settings-").FullName;

    private string DefaultFile => Path.Combine(_home, "fabric", FabricConnectionFile.FileName);

    [Fact]
    public void Resolve_NoFileAndNoSettings_SaysWhereTheFileWouldBeAndWhichSettingsToSet()
    {
        var ex = Assert.Throws<FabricConnectionException>(() => Resolve([]));

        Assert.Contains(DefaultFile, ex.Message, StringComparison.Ordinal);
        Assert.Contains("Fabric:Client:Redis", ex.Message, StringComparison.Ordinal);
        Assert.Contains("./fabric up", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_FileWrittenByUp_IsReadFromTheDefaultPlace()
    {
        new FabricConnectionFile { ClusterId = "c1", Redis = "127.0.0.1:6390", Gateways = ["127.0.0.1:30000"] }.Write(DefaultFile);

        var settings = Resolve([]);

        Assert.Equal(("c1", "fabric", "127.0.0.1:6390", DefaultFile), (settings.ClusterId, settings.ServiceId, settings.Redis, settings.Source));
        Assert.Equal("127.0.0.1:30000", Assert.Single(settings.Gateways).ToString());
        Assert.Equal(FabricConnectionSettings.DefaultConnectTimeout, settings.ConnectTimeout);
    }

    [Fact]
    public void Resolve_SettingsOverTheFile_WinFieldByField()
    {
        new FabricConnectionFile { ClusterId = "c1", Redis = "127.0.0.1:6390" }.Write(DefaultFile);

        var settings = Resolve(new() { ["Fabric:Client:ClusterId"] = "c2", ["Fabric:Client:ConnectTimeoutSeconds"] = "3" });

        Assert.Equal(("c2", "127.0.0.1:6390", TimeSpan.FromSeconds(3)), (settings.ClusterId, settings.Redis, settings.ConnectTimeout));
        Assert.Contains("Fabric:Client settings", settings.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_GatewaysAsOneCommaSeparatedSetting_AreAllUsed()
    {
        var settings = Resolve(new() { ["Fabric:Client:Gateways"] = "127.0.0.1:30000, 198.18.0.1:30001" });

        Assert.Null(settings.Redis);
        Assert.Equal(["127.0.0.1:30000", "198.18.0.1:30001"], settings.Gateways.Select(g => g.ToString()));
    }

    [Theory]
    [InlineData("Fabric:Client:Gateways", "localhost", "is not an IP address and port")]
    [InlineData("Fabric:Client:ConnectTimeoutSeconds", "0", "from 1 to 600")]
    [InlineData("Fabric:Client:ConnectTimeoutSeconds", "soon", "from 1 to 600")]
    [InlineData("Fabric:Client:ConfigFile", "/nonexistent/client.json", "does not exist")]
    public void Resolve_BadSetting_NamesItAndSaysWhatIsExpected(string key, string value, string expected)
    {
        var values = new Dictionary<string, string?> { [key] = value };
        values.TryAdd("Fabric:Client:Gateways", "127.0.0.1:30000");

        var ex = Assert.Throws<FabricConnectionException>(() => Resolve(values));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_UnreadableFile_SaysHowToRewriteIt()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DefaultFile)!);
        File.WriteAllText(DefaultFile, "{ not json");

        var ex = Assert.Throws<FabricConnectionException>(() => Resolve([]));

        Assert.Contains(DefaultFile, ex.Message, StringComparison.Ordinal);
        Assert.Contains("./fabric up", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private FabricConnectionSettings Resolve(Dictionary<string, string?> values) =>
        FabricConnectionSettings.Resolve(
            new ConfigurationBuilder().AddInMemoryCollection(values).Build(),
            name => name == "XDG_CONFIG_HOME" ? _home : null);
}
