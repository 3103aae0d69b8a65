using System.Text;

namespace Fabric.Chaos.Watching;

/// <summary>Reads newline-ended JSON messages from a QMP or guest-agent socket, byte by byte (they are short).</summary>
internal sealed class QmpLineReader(Stream stream)
{
    private readonly byte[] _one = new byte[1];

    public async Task SkipPastAsync(byte marker, CancellationToken cancellationToken)
    {
        while (await ReadByteAsync(cancellationToken) != marker)
        {
            // Anything before the marker is a leftover of an earlier client.
        }
    }

    /// <summary>The next line; JSON from QEMU has a space after each colon ("return": {}).</summary>
    public async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        for (var b = await ReadByteAsync(cancellationToken); b != '\n'; b = await ReadByteAsync(cancellationToken))
        {
            line.Append((char)b);
        }

        return line.ToString();
    }

    private async Task<byte> ReadByteAsync(CancellationToken cancellationToken)
    {
        if (await stream.ReadAsync(_one, cancellationToken) == 0)
        {
            throw new IOException("the socket closed mid-message");
        }

        return _one[0];
    }
}
