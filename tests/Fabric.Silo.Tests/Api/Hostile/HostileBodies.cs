using System.Text;
using System.Text.Json;
using CsCheck;

namespace Fabric.Silo.Tests.Api.Hostile;

/// <summary>Whole bodies no JSON endpoint can accept: the schema's invalid values, truncated JSON, text that is no JSON at all.</summary>
internal static class HostileBodies
{
    private static readonly string[] NotJson =
    [
        "not json", "<vm><name>web1</name></vm>", "name=web1&vCpus=2", "{'name':'web1'}", "{name:web1}", "{\"name\":\"web1\",}",
        "{/*comment*/}", "{}{}", "{\"a\":1}]", "NaN", "undefined", "\ufeff{", "{\"name\":\"web1\"", "\"unterminated",
    ];

    /// <summary>
    /// Bytes that are no UTF-8 text. Never a whole object: the reader skips an unknown property's value
    /// unread, so <c>{"x":"\xED\xA0\x80"}</c> is an empty object to it, which some endpoints accept.
    /// </summary>
    private static readonly byte[][] BadUtf8 =
    [
        [0xC3, 0x28],
        [0xFF, 0xFE, (byte)'{', 0, (byte)'}', 0],
        [.. "{\"name\":\""u8, 0xED, 0xA0, 0x80],
        [(byte)'"', 0xC0, 0xAF, (byte)'"'],
        [.. "{\"name\":\"web1\0"u8],
    ];

    /// <summary>Content types other than JSON, and none at all.</summary>
    public static readonly Gen<string?> WrongContentType = Gen.OneOf<string?>(
        null, "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream", "garbage", "application/", ";;;");

    /// <summary>Bytes that are not a JSON object (nor blank), in any content type.</summary>
    public static readonly Gen<byte[]> NotJsonBytes = Gen.Frequency(
        (3, Gen.OneOf(NotJson).Select(Encoding.UTF8.GetBytes)),
        (1, Gen.OneOf(BadUtf8)),
        (2, Gen.Byte.Array[1, 64].Where(bytes => !IsJsonObjectOrBlank(bytes))));

    /// <summary>A body for a JSON operation: an invalid value of its schema, a cut-off JSON text, or no JSON at all.</summary>
    public static Gen<byte[]> ForJson(ApiBody body)
    {
        ArgumentNullException.ThrowIfNull(body);

        // An optional body that is JSON null or empty means "no body", which may be fine; leave those out there.
        var invalid = HostileJson.Invalid(body.Schema).Where(json => body.Required || json != "null");
        var truncated = Gen.Select(Gen.OneOf(HostileJson.Plausible(body.Schema), HostileJson.Invalid(body.Schema)), Gen.Int[0, int.MaxValue], (json, cut) =>
            json.Length < 2 || json[0] != '{' ? "{" : json[..(1 + (cut % (json.Length - 1)))]);
        return Gen.Frequency(
            (6, invalid.Select(Encoding.UTF8.GetBytes)),
            (2, truncated.Select(Encoding.UTF8.GetBytes)),
            (2, NotJsonBytes));
    }

    private static bool IsJsonObjectOrBlank(byte[] bytes)
    {
        if (Encoding.UTF8.GetString(bytes).Trim().Length == 0)
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
