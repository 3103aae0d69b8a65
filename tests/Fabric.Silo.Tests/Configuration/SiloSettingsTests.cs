using Fabric.Contracts.Configuration;
using Fabric.Silo.Configuration;
using Microsoft.Extensions.Configuration;

namespace Fabric.Silo.Tests.Configuration;

public sealed class SiloSettingsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void Load_InMemory_NeedsNoRedis()
    {
        var settings = SiloSettings.Load(Config(("Fabric:InMemory", "true")));

        Assert.True(settings.InMemory);
        Assert.Null(settings.Redis);
    }

    [Fact]
    public void Load_RedisEndpoint_IsParsedAndRetriesInBackground()
    {
        var settings = SiloSettings.Load(Config(("Fabric:Redis", "127.0.0.1:6390")));

        Assert.Equal("127.0.0.1:6390", settings.Redis!.EndPoints.Single().ToString());
        Assert.False(settings.Redis.AbortOnConnectFail);
    }

    [Fact]
    public void Load_SiloAddress_LoopbackUnlessGiven()
    {
        Assert.Equal(System.Net.IPAddress.Loopback, SiloSettings.Load(Config(("Fabric:InMemory", "true"))).Address);
        Assert.Equal(System.Net.IPAddress.Parse("198.18.0.1"), SiloSettings.Load(Config(("Fabric:InMemory", "true"), ("Fabric:SiloAddress", "198.18.0.1"))).Address);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("4M", 4L << 20)]
    [InlineData("1073741824", 1L << 30)]
    public void Load_MaxUploadBytes_ReadAsASizeOrNoLimit(string? value, long? expected)
    {
        var settings = SiloSettings.Load(Config(("Fabric:InMemory", "true"), ("Fabric:Images:MaxUploadBytes", value!)));

        Assert.Equal(expected, settings.MaxUploadBytes);
    }

    [Theory]
    [InlineData("Fabric:Redis", "", "Fabric:Redis: no Redis connection string")]
    [InlineData("Fabric:Redis", "foo=bar", "Fabric:Redis: 'foo=bar' is not a Redis connection string")]
    [InlineData("Fabric:SiloPort", "70000", "Fabric:SiloPort: '70000' is not a TCP port")]
    [InlineData("Fabric:InMemory", "maybe", "Fabric:InMemory: 'maybe' is not true or false")]
    [InlineData("Fabric:SiloAddress", "bridge", "Fabric:SiloAddress: 'bridge' is not an IP address")]
    [InlineData("Fabric:Images:MaxUploadBytes", "lots", "Fabric:Images:MaxUploadBytes: 'lots' is not a size")]
    [InlineData("Fabric:Images:MaxUploadBytes", "0", "Fabric:Images:MaxUploadBytes: '0' is not a size")]
    public void Load_BadSetting_OneLineNamingSettingAndFix(string key, string value, string expected)
    {
        var values = key == "Fabric:Redis" ? new[] { (key, value) } : new[] { ("Fabric:Redis", "127.0.0.1:6379"), (key, value) };

        var ex = Assert.Throws<InvalidSettingException>(() => SiloSettings.Load(Config(values)));

        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }
}
