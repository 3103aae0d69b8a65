using System.Text;
using CsCheck;

namespace Fabric.Silo.Tests.Api.Hostile;

/// <summary>
/// JSON text for a schema: <see cref="Invalid"/> never fits it (a null where none is allowed, a wrong
/// type, a number past the range, a string no field accepts, nesting deeper than any reader allows),
/// at any depth; <see cref="Plausible"/> fits it, for the rest of a body around the hostile part.
/// </summary>
internal static class HostileJson
{
    private static readonly string[] PlausibleStrings = ["hostile-vm", "web1", "debian.iso", "qcow2", "user", "net0", "1G", "cdrom", "52:54:00:12:34:56"];

    /// <summary>Numbers no enum and no string accepts.</summary>
    private static readonly string[] OddNumbers = ["99", "-7", "1.5", "1e400"];

    /// <summary>Numbers no 32-bit integer accepts: fractions, exponents, past 32 and 64 bits and decimal.</summary>
    private static readonly string[] Past32Bits =
    [
        "1.5", "-0.5", "1E3", "1e400", "-1e400", "2147483648", "-2147483649", "9223372036854775808",
        "-9223372036854775809", "18446744073709551616", "79228162514264337593543950336", "1" + new string('0', 400),
    ];

    /// <summary>Numbers no 64-bit integer accepts (2147483648 is fine there).</summary>
    private static readonly string[] Past64Bits = ["1.5", "1E3", "1e400", "9223372036854775808", "-9223372036854775809", "79228162514264337593543950336", "1" + new string('0', 400)];

    /// <summary>Nesting past any reader's depth limit (64 here): a thousand levels and more.</summary>
    public static readonly Gen<string> DeepNesting = Gen.Select(Gen.Int[65, 5_000], Gen.Bool, (depth, arrays) =>
        arrays
            ? new string('[', depth) + new string(']', depth)
            : new StringBuilder().Insert(0, "{\"a\":", depth).Append('1').Append('}', depth).ToString());

    public static Gen<string> Invalid(ApiSchema schema, int depth = 0)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var options = new List<(int, IGen<string>)> { (1, DeepNesting) };
        if (schema == ApiSchema.Any)
        {
            return DeepNesting;
        }

        if (!schema.Admits(JsonKinds.Null))
        {
            options.Add((3, Gen.Const("null")));
        }

        if (!schema.Admits(JsonKinds.Boolean))
        {
            options.Add((1, Gen.OneOf("true", "false")));
        }

        if (!schema.Admits(JsonKinds.Number))
        {
            options.Add((2, Gen.OneOf(!schema.Admits(JsonKinds.Integer) ? OddNumbers : schema.Format == "int64" ? Past64Bits : Past32Bits)));
        }

        options.Add((3, HostileText.Value.Select(HostileText.JsonString)));
        options.Add((2, schema.Admits(JsonKinds.Array) && depth < 4 ? InvalidArray(schema.Items ?? ApiSchema.Any, depth) : Gen.OneOf("[]", "[1,\"a\",null]")));
        options.Add((3, schema.Admits(JsonKinds.Object) && depth < 4 ? InvalidObject(schema, depth) : Gen.OneOf("{}", "{\"a\":1}")));
        return Gen.Frequency([.. options]);
    }

    public static Gen<string> Plausible(ApiSchema schema, int depth = 0)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.EnumNames.Count > 0)
        {
            return Gen.OneOf([.. schema.EnumNames]).Select(HostileText.JsonString);
        }

        if (schema.Admits(JsonKinds.Object) && depth < 3)
        {
            return PlausibleObject(schema, depth);
        }

        if (schema.Admits(JsonKinds.Array) && depth < 3)
        {
            return Plausible(schema.Items ?? ApiSchema.Any, depth + 1).Array[0, 2].Select(items => $"[{string.Join(',', items)}]");
        }

        return schema.Admits(JsonKinds.Integer) ? Gen.Int[0, 4].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : schema.Admits(JsonKinds.String) ? Gen.OneOf(PlausibleStrings).Select(HostileText.JsonString)
            : schema.Admits(JsonKinds.Boolean) ? Gen.OneOf("true", "false")
            : Gen.Const("null");
    }

    /// <summary>A list holding one invalid item among plausible ones (a null where items cannot be null, among others).</summary>
    private static Gen<string> InvalidArray(ApiSchema items, int depth) =>
        Gen.Select(Plausible(items, depth + 1).Array[0, 2], Invalid(items, depth + 1), Gen.Int[0, 2], (others, bad, at) =>
        {
            var all = others.ToList();
            all.Insert(Math.Min(at, all.Count), bad);
            return $"[{string.Join(',', all)}]";
        });

    /// <summary>An object with one known property invalid and some others plausible.</summary>
    private static Gen<string> InvalidObject(ApiSchema schema, int depth)
    {
        var names = schema.Properties.Keys.ToArray();
        if (names.Length == 0)
        {
            return DeepNesting.Select(deep => $"{{\"a\":{deep}}}");
        }

        return Gen.Int[0, names.Length - 1].SelectMany(bad => Gen.Select(
            Invalid(schema.Properties[names[bad]], depth + 1),
            PlausibleProperties(schema, depth, except: names[bad]),
            Gen.Bool,
            (value, others, first) => first
                ? $"{{{string.Join(',', [$"{HostileText.JsonString(names[bad])}:{value}", .. others])}}}"
                : $"{{{string.Join(',', [.. others, $"{HostileText.JsonString(names[bad])}:{value}"])}}}"));
    }

    private static Gen<string> PlausibleObject(ApiSchema schema, int depth) =>
        PlausibleProperties(schema, depth, except: null).Select(properties => $"{{{string.Join(',', properties)}}}");

    /// <summary>A random subset of the known properties, each with a plausible value.</summary>
    private static Gen<string[]> PlausibleProperties(ApiSchema schema, int depth, string? except)
    {
        var properties = schema.Properties.Where(p => p.Key != except).Select(p =>
            Gen.Frequency((2, Gen.Const("")), (1, Plausible(p.Value, depth + 1).Select(v => $"{HostileText.JsonString(p.Key)}:{v}")))).ToArray();
        return properties.Length == 0
            ? Gen.Const(Array.Empty<string>())
            : properties.Aggregate(Gen.Const(Array.Empty<string>()), (all, next) => Gen.Select(all, next, (a, n) => n.Length == 0 ? a : [.. a, n]));
    }
}
