namespace Fabric.Silo.Api;

/// <summary>The ISO 9660 signature: the first volume descriptor (sector 16) starts with type byte, then <c>CD001</c>.</summary>
internal static class Iso9660
{
    public const int MagicOffset = 0x8001;

    public static ReadOnlySpan<byte> Magic => "CD001"u8;

    /// <summary>How many leading bytes <see cref="HasMagic"/> needs.</summary>
    public static int HeaderLength => MagicOffset + Magic.Length;

    public static bool HasMagic(ReadOnlySpan<byte> header) =>
        header.Length >= HeaderLength && header.Slice(MagicOffset, Magic.Length).SequenceEqual(Magic);
}
