using System.Text.Json;

namespace Fabric.Hypervisor.Qemu.Qmp;

public sealed partial class QmpClient
{
    private async Task ReadLoopAsync()
    {
        Exception? failure = null;
        try
        {
            while (await _reader.ReadLineAsync(_closing.Token) is { } line)
            {
                if (!string.IsNullOrWhiteSpace(line))
                {
                    Dispatch(line);
                }
            }
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException or OperationCanceledException or JsonException)
        {
            failure = error;
        }
        finally
        {
            if (!_closing.IsCancellationRequested)
            {
                LogConnectionLost(_logger, SocketPath, failure?.Message ?? "end of stream");
            }

            var lost = new QmpConnectionLostException(SocketPath, failure);
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(lost);
            }

            lock (_subscribers)
            {
                _subscribers.ForEach(s => s.Complete());
            }
        }
    }

    private void Dispatch(string line)
    {
        using var document = JsonDocument.Parse(line);
        var message = document.RootElement;
        if (message.TryGetProperty("event", out var name))
        {
            var data = message.TryGetProperty("data", out var d) ? d.Clone() : JsonDocument.Parse("{}").RootElement.Clone();
            var stamp = message.TryGetProperty("timestamp", out var t)
                ? DateTimeOffset.FromUnixTimeSeconds(t.GetProperty("seconds").GetInt64()).AddTicks(t.GetProperty("microseconds").GetInt64() * 10)
                : _time.GetUtcNow();
            var qmpEvent = new QmpEvent(name.GetString() ?? string.Empty, data, stamp);
            LogEvent(_logger, SocketPath, qmpEvent.Name);
            lock (_subscribers)
            {
                _subscribers.ForEach(s => s.Publish(qmpEvent));
            }

            return;
        }

        // Replies without an id answer an unparseable request; we never send one, so log and drop.
        if (message.TryGetProperty("id", out var idElement) && idElement.TryGetInt64(out var id) && _pending.TryGetValue(id, out var pending))
        {
            pending.TrySetResult(message.Clone());
        }
        else
        {
            LogUnmatchedReply(_logger, SocketPath, line.Length > 200 ? line[..200] : line);
        }
    }
}
