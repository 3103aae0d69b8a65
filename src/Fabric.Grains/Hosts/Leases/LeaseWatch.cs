using Fabric.Contracts.Hosts;
using Fabric.Contracts.Hosts.Leases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fabric.Grains.Hosts.Leases;

/// <summary>
/// Runs in every silo: reads every host lease at once, every <see cref="HostLivenessOptions.LeaseCheckEvery"/>,
/// and asks the host grain of each lease that lapsed past the margin to fence it. Every silo does so, so
/// the loss of a silo never stops failover; the witness lets only one declaration through per
/// generation. Hosts already declared dead are asked again now and then, which finishes a failover that
/// a silo's death cut short. A lease already lapsed at this silo's first look is left alone for
/// <see cref="HostLivenessOptions.ColdStartGrace"/>, so a whole cluster starting again does not move
/// the VMs of hosts whose agents are still starting.
/// </summary>
public sealed partial class LeaseWatch(
    IGrainFactory grains,
    ILeaseWitness leases,
    IOptions<HostLivenessOptions> options,
    [FromKeyedServices(FabricTime.Key)] TimeProvider time,
    ILogger<LeaseWatch> logger) : BackgroundService
{
    private static readonly TimeSpan RepeatFencedEvery = TimeSpan.FromSeconds(5);

    private readonly HostLivenessOptions _options = options.Value;
    private readonly Dictionary<string, long> _repeatedAt = new(StringComparer.Ordinal);
    private string? _lastError;

    /// <summary>The witness's clock at this silo's first read of the leases; null before it.</summary>
    private long? _firstReadMs;

    /// <summary>One pass: fences every host whose lease is due; returns the hosts it asked.</summary>
    public async Task<IReadOnlyList<string>> CheckOnceAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await leases.ReadAllAsync(cancellationToken);
        var firstRead = _firstReadMs ??= snapshot.NowMs;
        var coldStartOver = snapshot.NowMs >= firstRead + (long)_options.ColdStartGrace.TotalMilliseconds;
        var margin = (long)_options.FailoverMargin.TotalMilliseconds;
        var asked = new List<string>();
        var calls = new List<Task>();
        foreach (var (host, lease) in snapshot.Leases)
        {
            // A lease that lapsed before this silo ever looked waits out the cold-start grace: its agent may be starting too.
            var due = LeaseRules.IsDue(lease, snapshot.NowMs, margin) && (lease.ExpiresAtMs >= firstRead || coldStartOver);
            var repeat = lease.IsFenced && snapshot.NowMs - _repeatedAt.GetValueOrDefault(host) >= (long)RepeatFencedEvery.TotalMilliseconds;
            if (due || repeat)
            {
                _repeatedAt[host] = snapshot.NowMs;
                asked.Add(host);
                calls.Add(grains.GetGrain<IHostGrain>(host).Fence(lease.Generation));
            }
        }

        await Task.WhenAll(calls);
        return asked;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CheckOnceAsync(stoppingToken);
                if (_lastError is not null)
                {
                    LogRecovered(logger);
                    _lastError = null;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Redis restarting, the silo still joining: say so once, keep checking.
                if (_lastError != ex.Message)
                {
                    _lastError = ex.Message;
                    LogCheckFailed(logger, ex.GetType().Name, ex.Message);
                }
            }

            await Task.Delay(_options.LeaseCheckEvery, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check host leases ({ErrorType}: {Reason}); no host can be declared dead until this works again. Retrying")]
    private static partial void LogCheckFailed(ILogger logger, string errorType, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Host lease checks work again")]
    private static partial void LogRecovered(ILogger logger);
}
