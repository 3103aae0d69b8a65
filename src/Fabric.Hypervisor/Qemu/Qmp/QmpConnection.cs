using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Fabric.Hypervisor.Qemu.Qmp;

/// <summary>
/// A QMP connection that reconnects: after QEMU restarts its monitor, the socket blips, or a new
/// agent takes over, the next command connects again. Only connecting is retried, never a command:
/// QMP commands are not idempotent (a repeated <c>device_add</c> fails, a repeated <c>cont</c> is wrong).
/// </summary>
public sealed class QmpConnection(string socketPath, TimeSpan commandTimeout, ILogger logger, TimeProvider time) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ResiliencePipeline _connectRetry = new ResiliencePipelineBuilder { TimeProvider = time }
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<SocketException>().Handle<IOException>(),
            MaxRetryAttempts = 4,
            Delay = TimeSpan.FromMilliseconds(100),
            BackoffType = DelayBackoffType.Exponential,
        })
        .Build();

    private QmpClient? _client;

    public string SocketPath => socketPath;

    public TimeSpan CommandTimeout => commandTimeout;

    /// <summary>The live client, connecting (again) when there is none.</summary>
    public async Task<QmpClient> GetClientAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_client is { IsConnected: true })
            {
                return _client;
            }

            if (_client is not null)
            {
                await _client.DisposeAsync();
                _client = null;
            }

            _client = await _connectRetry.ExecuteAsync(
                async token => await QmpClient.ConnectAsync(socketPath, commandTimeout, logger, time, token), cancellationToken);
            return _client;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<JsonElement> ExecuteAsync(string command, object? arguments, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var client = await GetClientAsync(cancellationToken);
        return await client.ExecuteAsync(command, arguments, timeout ?? commandTimeout, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_client is not null)
            {
                await _client.DisposeAsync();
                _client = null;
            }
        }
        finally
        {
            _gate.Release();
        }

        _gate.Dispose();
    }
}
