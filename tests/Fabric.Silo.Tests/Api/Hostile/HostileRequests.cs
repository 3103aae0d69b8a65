using System.Text;
using CsCheck;

namespace Fabric.Silo.Tests.Api.Hostile;

/// <summary>
/// Requests to one operation that cannot be valid. A JSON body is always hostile; without one, at least
/// one parameter is (or, for a non-JSON body, its content type). The other parts are plausible or hostile
/// at random. So any 2xx answer is a finding, as is any 5xx.
/// </summary>
internal static class HostileRequests
{
    public static Gen<HostileRequest> For(ApiOperation operation, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var parameters = operation.Parameters.Select(p => new Part(
            p.In == "query"
                ? Gen.Frequency((1, Gen.Const((string?)null)), (2, HostileParameters.Plausible(p.Schema, names).Select(v => (string?)v)))
                : HostileParameters.Plausible(p.Schema, names).Select(v => (string?)v),
            HostileParameters.Hostile(p.Schema).Select(v => (string?)v))).ToList();

        if (operation.Body is { IsJson: true } json)
        {
            return Gen.Select(Mixed(parameters, forced: -1), JsonBody(json), (values, body) => Build(operation, values, body));
        }

        if (operation.Body is { } other)
        {
            // The content type is one more part that may be the hostile one.
            var bytes = Gen.Byte.Array[0, 64];
            var typed = new Part(
                Gen.OneOf([.. other.MediaTypes]).Select(t => (string?)t),
                HostileBodies.WrongContentType.Where(t => t is not null && !other.MediaTypes.Contains(t)));
            return Gen.Int[0, parameters.Count].SelectMany(forced =>
                Gen.Select(Mixed([.. parameters, typed], forced), bytes, (values, b) => Build(operation, values[..^1], (values[^1], b))));
        }

        // No body declared: now and then a stray one, which changes nothing about validity.
        var stray = Gen.Frequency(
            (4, Gen.Const<(string?, byte[]?)>((null, null))),
            (1, Gen.Select(HostileBodies.WrongContentType, HostileBodies.NotJsonBytes, (t, b) => (t, (byte[]?)b))));
        return Gen.Int[0, parameters.Count - 1].SelectMany(forced =>
            Gen.Select(Mixed(parameters, forced), stray, (values, body) => Build(operation, values, body)));
    }

    private static Gen<(string?, byte[]?)> JsonBody(ApiBody json)
    {
        var contentType = Gen.Frequency(
            (6, Gen.OneOf<string?>([.. json.MediaTypes.Where(m => m.Contains("json", StringComparison.OrdinalIgnoreCase))])),
            (1, Gen.Const<string?>("application/json; charset=utf-8")),
            (2, HostileBodies.WrongContentType));
        return Gen.Select(contentType, HostileBodies.ForJson(json), (type, bytes) => ((string?)type, (byte[]?)bytes));
    }

    /// <summary>Part <paramref name="forced"/> hostile, every other one plausible three times in four.</summary>
    private static Gen<string?[]> Mixed(IReadOnlyList<Part> parts, int forced) =>
        parts.Select((part, i) => i == forced ? part.Hostile : Gen.Frequency((3, part.Plausible), (1, part.Hostile)))
            .Aggregate(Gen.Const(Array.Empty<string?>()), (all, next) => Gen.Select(all, next, (a, n) => (string?[])[.. a, n]));

    private static HostileRequest Build(ApiOperation operation, string?[] values, (string? ContentType, byte[]? Bytes) body)
    {
        var path = new StringBuilder(operation.PathTemplate);
        var query = new List<string>();
        for (var i = 0; i < operation.Parameters.Count; i++)
        {
            var parameter = operation.Parameters[i];
            if (parameter.In == "path")
            {
                path.Replace("{" + parameter.Name + "}", values[i]);
            }
            else if (values[i] is { } value)
            {
                query.Add($"{Uri.EscapeDataString(parameter.Name)}={value}");
            }
        }

        var url = query.Count == 0 ? path.ToString() : $"{path}?{string.Join('&', query)}";
        return new HostileRequest(operation, operation.Method, url, body.ContentType, body.Bytes);
    }

    /// <summary>One part of a request (a parameter's value, or a body's content type) in its plausible and hostile forms.</summary>
    private sealed record Part(Gen<string?> Plausible, Gen<string?> Hostile);
}
