using System.Globalization;
using CsCheck;

namespace Fabric.Silo.Tests.Api.Hostile;

/// <summary>Values for path and query parameters, URL-encoded: plausible ones (existing names among them) and hostile ones.</summary>
internal static class HostileParameters
{
    /// <summary>Already encoded: bytes no UTF-8 decoder accepts, encoded slashes and dots, marks that reorder or hide text.</summary>
    private static readonly string[] EncodedSegments =
    [
        "%ED%A0%80", "%C0%AF", "%FF", "%00", "a%00b", "a%2Fb", "..%2F..%2Fetc%2Fpasswd", "%2E%2E%2Fx", "x%5C..%5Cy", "%E2%80%AE",
        "%E2%80%8B", "%F0%9F%94%A5", "-x", "x-", "a_b", "UPPER", "a%20b", "%25", "%2525", "%3F%23",
    ];

    /// <summary>
    /// Values are cut here, so the request line stays under the server's 8 KiB limit: past it the server
    /// answers 414 and closes before the body is sent, which tests the client's socket, not the API.
    /// </summary>
    private const int MaxEncodedLength = 2_000;

    public static Gen<string> Plausible(ApiSchema schema, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return schema.EnumNames.Count > 0 ? Gen.OneOf([.. schema.EnumNames])
            : schema.Admits(JsonKinds.Integer) && !schema.Admits(JsonKinds.String) || schema.NumericStringsOnly ? Gen.Int[1, 4].Select(i => i.ToString(CultureInfo.InvariantCulture))
            : schema.Admits(JsonKinds.Boolean) && !schema.Admits(JsonKinds.String) ? Gen.OneOf("true", "false")
            : Gen.OneOf([.. names]);
    }

    private static string Cut(string encoded) => encoded.Length > MaxEncodedLength ? encoded[..MaxEncodedLength] : encoded;

    public static Gen<string> Hostile(ApiSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var text = Gen.Frequency(
            (3, HostileText.Value.Select(v => Cut(HostileText.UrlEncode(v)))),
            (2, Gen.OneOf(EncodedSegments)),
            (1, Gen.Const(new string('a', MaxEncodedLength))));
        return schema.Admits(JsonKinds.Integer) || schema.NumericStringsOnly
            ? Gen.Frequency((1, Gen.OneOf("abc", "99999999999999999999", "1.5", "1e3", "0x10", "-", "%00")), (2, text))
            : schema.Admits(JsonKinds.Boolean)
                ? Gen.Frequency((1, Gen.OneOf("maybe", "2", "yes", "tru", "%00")), (2, text))
                : text;
    }
}
