using Fabric.Configuration;
using Fabric.Contracts.Configuration;
using Fabric.Contracts.Validation;
using Microsoft.Extensions.Configuration;
using StackExchange.Redis;

namespace Fabric.HostAgent.Configuration;

/// <summary>The agent's settings, read from the <c>Fabric</c> section and validated before anything starts.</summary>
public sealed record AgentSettings(
    string HostName,
    string Driver,
    bool InMemory,
    ConfigurationOptions? Redis,
    int GatewayPort,
    string ClusterId,
    string DataDirectory,
    IReadOnlyDictionary<string, string> StoragePools,
    TimeSpan HeartbeatInterval)
{
    /// <summary>Where the console relay listens; loopback unless silos run on other machines.</summary>
    public System.Net.IPAddress ConsoleAddress { get; init; } = System.Net.IPAddress.Loopback;

    /// <summary>
    /// In memory: the address of the silo's gateway (<c>Fabric:GatewayAddress</c>, with <c>Fabric:GatewayPort</c>);
    /// loopback unless the silo is reached from elsewhere (another network namespace). With Redis, silos advertise their own.
    /// </summary>
    public System.Net.IPAddress GatewayAddress { get; init; } = System.Net.IPAddress.Loopback;

    /// <summary>Console relay port; 0 lets the system pick one (it is reported to the cluster).</summary>
    public int ConsolePort { get; init; }

    /// <summary>Lease TTL and renewal period.</summary>
    public FencingSettings Fencing { get; init; } = FencingSettings.Default;

    public static readonly string[] Drivers = ["qemu", "simulated"];

    public static AgentSettings Load(IConfiguration configuration)
    {
        var section = configuration.GetSection("Fabric");
        var hostName = section["HostName"] is { Length: > 0 } n ? n : Environment.MachineName.ToLowerInvariant();
        if (HostNames.Validate(hostName) is { } problem)
        {
            throw new InvalidSettingException("Fabric:HostName", problem, "Pass --Fabric:HostName=<dns name>.");
        }

        var driver = section["Driver"] is { Length: > 0 } d ? d : "qemu";
        if (!Drivers.Contains(driver, StringComparer.Ordinal))
        {
            throw new InvalidSettingException("Fabric:Driver", $"unknown hypervisor driver '{driver}'", "Use qemu or simulated.");
        }

        var inMemory = bool.TryParse(section["InMemory"], out var m) && m;
        var redis = inMemory ? null : RedisSetting.Parse(section["Redis"], "Fabric:Redis");
        var dataDirectory = DataDirectorySetting.Prepare(section["DataDir"] is { Length: > 0 } dir ? dir : "/var/lib/fabric");
        return new AgentSettings(
            hostName,
            driver,
            inMemory,
            redis,
            PortSetting.Read(section, "GatewayPort", 30000),
            section["ClusterId"] is { Length: > 0 } id ? id : "fabric",
            dataDirectory,
            StoragePoolSetting.Read(section.GetSection("StoragePools"), dataDirectory),
            DurationSetting.Read(section["HeartbeatInterval"], "Fabric:HeartbeatInterval", TimeSpan.FromMilliseconds(500),
                TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1)))
        {
            ConsoleAddress = ReadAddress(section["ConsoleAddress"]),
            GatewayAddress = AddressSetting.Read(section, "GatewayAddress", "198.18.0.1"),
            ConsolePort = section["ConsolePort"] is { Length: > 0 } ? PortSetting.Read(section, "ConsolePort", 0) : 0,
            Fencing = FencingSettings.Read(section.GetSection("Fencing")),
        };
    }

    private static System.Net.IPAddress ReadAddress(string? text) =>
        string.IsNullOrEmpty(text) ? System.Net.IPAddress.Loopback
        : System.Net.IPAddress.TryParse(text, out var address) ? address
        : throw new InvalidSettingException("Fabric:ConsoleAddress", $"'{text}' is not an IP address", "Use the address silos reach this host on, e.g. 10.0.0.5.");
}
