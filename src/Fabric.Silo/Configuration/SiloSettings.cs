using Fabric.Configuration;
using Fabric.Contracts.Configuration;
using Fabric.Contracts.Validation;
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
    /// <summary>The largest image upload accepted (<c>Fabric:Images:MaxUploadBytes</c>); null: only the pool's free space limits it.</summary>
    public long? MaxUploadBytes { get; init; }

    /// <summary>
    /// The address the silo listens on and advertises to other silos and to clients (<c>Fabric:SiloAddress</c>);
    /// loopback unless agents or silos reach it from elsewhere (another machine or network namespace).
    /// </summary>
    public System.Net.IPAddress Address { get; init; } = System.Net.IPAddress.Loopback;

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
            PortSetting.Read(section, "GatewayPort", 30000))
        {
            MaxUploadBytes = ReadSize(section, "Images:MaxUploadBytes"),
            Address = AddressSetting.Read(section, "SiloAddress", "198.18.0.1"),
        };
    }

    private static long? ReadSize(IConfigurationSection section, string key) =>
        section[key] switch
        {
            null or "" => null,
            var v when Sizes.TryParse(v) is > 0 and var bytes => bytes,
            var v => throw new InvalidSettingException($"Fabric:{key}", $"'{v}' is not a size", "Give a size above zero such as 4G, 512M or 1073741824 (bytes), or leave it unset."),
        };

    private static bool ReadBool(IConfigurationSection section, string key) =>
        section[key] switch
        {
            null or "" => false,
            var v when bool.TryParse(v, out var b) => b,
            var v => throw new InvalidSettingException($"Fabric:{key}", $"'{v}' is not true or false", "Set it to true or false."),
        };
}
