using System.Globalization;
using System.Text;
using CsCheck;

namespace Fabric.Silo.Tests.Api.Hostile;

/// <summary>
/// Strings no name, format, size, network or MAC of this API accepts: each holds at least one
/// character outside <c>[A-Za-z0-9._-]</c> (lone surrogates, NUL, RTL and zero-width marks, path and
/// shell characters) or is far too long. Never empty, and whitespace never only at the ends, which
/// some fields trim or read as "the default".
/// </summary>
internal static class HostileText
{
    private static readonly string[] Pieces =
    [
        "\0", "a\0b", "\ud800", "x\udc00y", "\udbff\udfff\ud800", "\u202e", "\u200f", "\u200b", "\u200d", "\ufeff",
        "مرحبا", "שלום", "é", "e\u0301", "İ", "ß", "🔥", "\U0001F4A9", "/", "\\", "../", "..\\..\\", "/etc/passwd",
        "$(reboot)", "`id`", ";", "|", "&&", "'", "\"", "%s%n", "{0}", "<x>", " x", "\tx", "\r\nx", "\u0085x", "\u2028x", "=",
        ",", ":", "*", "?", "#", "%00", "%2F", "+",
    ];

    private static readonly string[] Prefixes = ["", "", "web1", "hostile-vm", "debian.iso", "qcow2", "user", "512M", "net0", "52:54:00:12:34:56", "A"];

    /// <summary>One hostile string: a plausible prefix, then one to three hostile pieces; or a very long run.</summary>
    public static readonly Gen<string> Value = Gen.Frequency(
        (6, Gen.Select(Gen.OneOf(Prefixes), Gen.OneOf(Pieces).Array[1, 3], (prefix, pieces) => prefix + string.Concat(pieces))),
        (1, Gen.Select(Gen.OneOf("a", "é", "\u200b", "\ud800", "e\u0301", "🔥"), Gen.OneOf(64, 101, 1_000, 100_000), Repeat)));

    /// <summary>A JSON string literal, escaping control characters and every surrogate (so lone ones travel as <c>\ud800</c>).</summary>
    public static string JsonString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var json = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => json.Append("\\\""),
                '\\' => json.Append("\\\\"),
                _ when c < 0x20 || char.IsSurrogate(c) => json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => json.Append(c),
            };
        }

        return json.Append('"').ToString();
    }

    /// <summary>A path segment or query value: UTF-8 percent-encoded, lone surrogates as the bytes a careless encoder sends.</summary>
    public static string UrlEncode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var url = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsAsciiLetterOrDigit(value[i]) || value[i] is '-' or '.' or '_' or '~')
            {
                url.Append(value[i]);
                continue;
            }

            var length = char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]) ? 2 : 1;
            var bytes = char.IsSurrogate(value[i]) && length == 1
                ? [(byte)(0xE0 | (value[i] >> 12)), (byte)(0x80 | ((value[i] >> 6) & 0x3F)), (byte)(0x80 | (value[i] & 0x3F))]
                : Encoding.UTF8.GetBytes(value.Substring(i, length));
            foreach (var b in bytes)
            {
                url.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }

            i += length - 1;
        }

        return url.ToString();
    }

    private static string Repeat(string piece, int count) => new StringBuilder(piece.Length * count).Insert(0, piece, count).ToString();
}
