using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace Fabric.Client.Connection;

/// <summary>
/// Where the cluster is, resolved once: the client file (<c>Fabric:Client:ConfigFile</c>, else
/// <see cref="FabricConnectionFile.DefaultPath"/>), then each <c>Fabric:Client:*</c> setting over it.
/// </summary>
/// <param name="ClusterId">The silos' Orleans cluster id.</param>
/// <param name="ServiceId">The Orleans service id.</param>
/// <param name="Redis">Where the silos register (<c>host:port</c>), or null to use <paramref name="Gateways"/>.</param>
/// <param name="Gateways">Gateway endpoints, used when <paramref name="Redis"/> is null.</param>
/// <param name="ConnectTimeout">How long to try before giving up with <see cref="FabricConnectionException"/>.</param>
/// <param name="Source">Where these came from, for messages.</param>
public sealed record FabricConnectionSettings(
    string ClusterId, string ServiceId, string? Redis, IReadOnlyList<IPEndPoint> Gateways, TimeSpan ConnectTimeout, string Source)
{
    public const string SectionName = "Fabric:Client";
    public const string DefaultClusterId = "fabric";
    public const string DefaultServiceId = "fabric";
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(15);

    /// <summary>What is tried, e.g. "the gateways registered in Redis 127.0.0.1:6390".</summary>
    public string Target => Redis is { } redis
        ? $"the gateways registered in Redis {redis}"
        : $"the gateway{(Gateways.Count == 1 ? "" : "s")} {string.Join(", ", Gateways)}";

    /// <summary>Resolves the settings; throws <see cref="FabricConnectionException"/> naming the setting when one is wrong or none says where the cluster is.</summary>
    public static FabricConnectionSettings Resolve(IConfiguration configuration, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var explicitFile = section["ConfigFile"];
        var path = string.IsNullOrEmpty(explicitFile) ? FabricConnectionFile.DefaultPath(environment) : explicitFile;
        var file = FabricConnectionFile.Read(path);
        if (file is null && !string.IsNullOrEmpty(explicitFile))
        {
            throw new FabricConnectionException($"Fabric:Client:ConfigFile names {path}, which does not exist; start the cluster with ./fabric up (it writes that file at {FabricConnectionFile.DefaultPath(environment)}), or correct the setting");
        }

        var redis = NonEmpty(section["Redis"]) ?? file?.Redis;
        var gatewayTexts = GatewaySetting(section) ?? file?.Gateways ?? [];
        if (redis is null && gatewayTexts.Count == 0)
        {
            throw new FabricConnectionException(
                $"no Fabric cluster is configured: {path} does not exist and neither Fabric:Client:Redis nor Fabric:Client:Gateways is set. " +
                $"Start a cluster with ./fabric up (it writes {path}), or set one of those settings");
        }

        var gateways = gatewayTexts.Select(text => IPEndPoint.TryParse(text, out var endpoint) && endpoint.Port > 0
            ? endpoint
            : throw new FabricConnectionException($"the gateway '{text}' (Fabric:Client:Gateways or {path}) is not an IP address and port, e.g. 127.0.0.1:30000")).ToList();
        var source = section.GetChildren().Any(child => child.Key != "ConfigFile")
            ? file is null ? "the Fabric:Client settings" : $"{path} and the Fabric:Client settings"
            : path;
        return new FabricConnectionSettings(
            NonEmpty(section["ClusterId"]) ?? file?.ClusterId ?? DefaultClusterId,
            NonEmpty(section["ServiceId"]) ?? file?.ServiceId ?? DefaultServiceId,
            redis,
            gateways,
            ConnectTimeoutSetting(section["ConnectTimeoutSeconds"]),
            source);
    }

    private static IReadOnlyList<string>? GatewaySetting(IConfigurationSection section)
    {
        // Either a list (Fabric:Client:Gateways:0, :1, …) or one comma-separated value.
        var list = section.GetSection("Gateways").GetChildren().Select(child => child.Value).OfType<string>().ToList();
        if (list.Count == 0 && NonEmpty(section["Gateways"]) is { } joined)
        {
            list = [.. joined.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }

        return list.Count > 0 ? list : null;
    }

    private static TimeSpan ConnectTimeoutSetting(string? text) => text switch
    {
        null or "" => DefaultConnectTimeout,
        _ when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 600 => TimeSpan.FromSeconds(seconds),
        _ => throw new FabricConnectionException($"Fabric:Client:ConnectTimeoutSeconds is '{text}'; give a whole number of seconds from 1 to 600"),
    };

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
