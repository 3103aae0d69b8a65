using Fabric.Configuration;
using Fabric.Contracts.Configuration;
using Microsoft.Extensions.Configuration;
using StackExchange.Redis;

namespace Fabric.Silo.Configuration;

/// <summary>The silo's settings, read from the <c>Fabric</c> section and validated before anything starts.</summary>
public sealed record SiloSettings(
    bool InMemory,
    ConfigurationOptions? Redis,
    string ClusterId,
    int SiloPort,
    int GatewayPort)
{
    public static SiloSettings Load(IConfiguration configuration)
    {
        var section = configuration.GetSection("Fabric");
        var inMemory = ReadBool(section, "InMemory");
        var redisText = section["Redis"];
        ConfigurationOptions? redis = null;
        if (!inMemory)
        {
            redis = RedisSetting.Parse(redisText, "Fabric:Redis");
        }

        var clusterId = section["ClusterId"] is { Length: > 0 } id ? id : "fabric";
        return new SiloSettings(
            inMemory,
            redis,
            clusterId,
            PortSetting.Read(section, "SiloPort", 11111),
            PortSetting.Read(section, "GatewayPort", 30000));
    }

    private static bool ReadBool(IConfigurationSection section, string key) =>
        section[key] switch
        {
            null or "" => false,
            var v when bool.TryParse(v, out var b) => b,
            var v => throw new InvalidSettingException($"Fabric:{key}", $"'{v}' is not true or false", "Set it to true or false."),
        };
}
