using System.Text;

namespace Fabric.Contracts.Consoles;

/// <summary>Reads the relay's one-line handshake byte by byte, so nothing after the newline is consumed.</summary>
public static class ConsoleLine
{
    public const int MaxLength = 256;

    public static async Task<string?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = new List<byte>();
        var one = new byte[1];
        while (bytes.Count < MaxLength)
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return null;
            }

            if (one[0] == '\n')
            {
                return Encoding.UTF8.GetString([.. bytes]);
            }

            bytes.Add(one[0]);
        }

        return null;
    }
}
