using Fabric.Contracts.Configuration;
using Fabric.HostAgent.Configuration;
using Microsoft.Extensions.Configuration;

namespace Fabric.HostAgent.Tests.Configuration;

public sealed class AgentSettingsTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("fabric-agent-settings-").FullName;

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    private IConfiguration Config(params (string Key, string Value)[] overrides)
    {
        var values = new Dictionary<string, string?> { ["Fabric:DataDir"] = _dataDir, ["Fabric:InMemory"] = "true" };
        foreach (var (key, value) in overrides)
        {
            values[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    [Fact]
    public void Load_Defaults_QemuDriverOneSecondHeartbeatLocalPoolUnderDataDir()
    {
        var settings = AgentSettings.Load(Config());

        Assert.Equal("qemu", settings.Driver);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.HeartbeatInterval);
        Assert.Equal(Path.Combine(_dataDir, "pools", "local"), settings.StoragePools["local"]);
        Assert.True(Directory.Exists(settings.StoragePools["local"]));
    }

    [Theory]
    [InlineData("Fabric:Driver", "vmware", "Fabric:Driver: unknown hypervisor driver 'vmware'")]
    [InlineData("Fabric:HostName", "Bad_Host", "Fabric:HostName: host name 'Bad_Host' is not a DNS name")]
    [InlineData("Fabric:HeartbeatInterval", "soon", "Fabric:HeartbeatInterval: 'soon' is not a duration")]
    [InlineData("Fabric:StoragePools:fast", "relative/path", "Fabric:StoragePools:fast: 'relative/path' is not an absolute folder path")]
    [InlineData("Fabric:GatewayPort", "0", "Fabric:GatewayPort: '0' is not a TCP port")]
    [InlineData("Fabric:GatewayAddress", "silo-1", "Fabric:GatewayAddress: 'silo-1' is not an IP address")]
    public void Load_BadSetting_OneLineNamingSettingAndFix(string key, string value, string expected)
    {
        var ex = Assert.Throws<InvalidSettingException>(() => AgentSettings.Load(Config((key, value))));

        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Load_GatewayAddress_LoopbackUnlessGiven()
    {
        Assert.Equal(System.Net.IPAddress.Loopback, AgentSettings.Load(Config()).GatewayAddress);
        Assert.Equal(System.Net.IPAddress.Parse("198.18.0.1"), AgentSettings.Load(Config(("Fabric:GatewayAddress", "198.18.0.1"))).GatewayAddress);
    }

    [Fact]
    public void Load_DataDirNotWritable_NamesTheSettingAndTheFolder()
    {
        var blocker = Path.Combine(_dataDir, "a-file");
        File.WriteAllText(blocker, "");

        var ex = Assert.Throws<InvalidSettingException>(() => AgentSettings.Load(Config(("Fabric:DataDir", Path.Combine(blocker, "sub")))));

        Assert.StartsWith("Fabric:DataDir: folder", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not writable", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RedisMode_WithoutConnectionString_SaysHowToFix()
    {
        var ex = Assert.Throws<InvalidSettingException>(() => AgentSettings.Load(Config(("Fabric:InMemory", "false"))));

        Assert.Contains("--in-memory", ex.Message, StringComparison.Ordinal);
    }
}
