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
    public void Load_Defaults_QemuDriverHalfSecondHeartbeatThreeSecondLeaseLocalPoolUnderDataDir()
    {
        var settings = AgentSettings.Load(Config());

        Assert.Equal("qemu", settings.Driver);
        Assert.Equal(TimeSpan.FromMilliseconds(500), settings.HeartbeatInterval);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.Fencing.LeaseTtl);
        Assert.Equal(TimeSpan.FromMilliseconds(500), settings.Fencing.RenewEvery);
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
    [InlineData("Fabric:Fencing:LeaseTtl", "00:00:00.1", "Fabric:Fencing:LeaseTtl: '00:00:00.1' is not a duration between 00:00:00.300 and 00:05:00")]
    [InlineData("Fabric:Fencing:Watchdog", "watchdog", "Fabric:Fencing:Watchdog: 'watchdog' is not an absolute device path")]
    [InlineData("Fabric:Fencing:RenewEvery", "00:00:01.5", "Fabric:Fencing:RenewEvery: renewing every 1500 ms is too rare for a lease of 3000 ms")]
    public void Load_BadSetting_OneLineNamingSettingAndFix(string key, string value, string expected)
    {
        var ex = Assert.Throws<InvalidSettingException>(() => AgentSettings.Load(Config((key, value))));

        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Load_FencingSet_TtlAndRenewalTaken()
    {
        var settings = AgentSettings.Load(Config(("Fabric:Fencing:LeaseTtl", "00:00:06"), ("Fabric:Fencing:RenewEvery", "00:00:02")));

        Assert.Equal(new FencingSettings(TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(2)), settings.Fencing);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.Fencing.RenewTimeout);
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
