using System.Text;

namespace Fabric.Hypervisor.Qemu.GuestAgent;

/// <summary>
/// Reads the guest agent's byte stream: skips to the 0xFF sentinel that <c>guest-sync-delimited</c>
/// puts before its reply, and reads newline-terminated JSON. Needed because a connection can start
/// with leftovers of an earlier, abandoned exchange.
/// </summary>
internal sealed class AgentLineReader(Stream stream)
{
    public const byte Sentinel = 0xFF;

    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    public async Task SkipPastSentinelAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var index = Array.IndexOf(_buffer, Sentinel, _start, _end - _start);
            if (index >= 0)
            {
                _start = index + 1;
                return;
            }

            _start = _end;
            await FillAsync(cancellationToken);
        }
    }

    public async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new MemoryStream();
        while (true)
        {
            var index = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (index >= 0)
            {
                line.Write(_buffer, _start, index - _start);
                _start = index + 1;
                return Encoding.UTF8.GetString(line.ToArray()).Trim();
            }

            line.Write(_buffer, _start, _end - _start);
            _start = _end;
            await FillAsync(cancellationToken);
        }
    }

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        _start = 0;
        _end = await stream.ReadAsync(_buffer, cancellationToken);
        if (_end == 0)
        {
            throw new IOException("The guest agent socket closed.");
        }
    }
}
