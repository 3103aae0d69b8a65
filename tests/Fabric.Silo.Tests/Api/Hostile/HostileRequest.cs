using System.Text;

namespace Fabric.Silo.Tests.Api.Hostile;

/// <summary>One generated request: which operation it aims at, and what is sent.</summary>
internal sealed record HostileRequest(ApiOperation Operation, string Method, string Path, string? ContentType, byte[]? Body)
{
    private const int ShownBodyChars = 2_000;

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Path);
        if (Body is not null)
        {
            var content = new ByteArrayContent(Body);
            content.Headers.Remove("Content-Type");
            if (ContentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }

            message.Content = content;
        }

        return message;
    }

    /// <summary>What a person needs to replay it: method, path, content type and body (long bodies cut, with their length).</summary>
    public override string ToString()
    {
        var text = Body is null ? "(none)" : Encoding.UTF8.GetString(Body);
        var shown = text.Length > ShownBodyChars ? $"{text[..ShownBodyChars]}… ({Body!.Length} bytes in all)" : text;
        var path = Path.Length > ShownBodyChars ? $"{Path[..ShownBodyChars]}… ({Path.Length} characters in all)" : Path;
        return $"{Method} {path}\nContent-Type: {ContentType ?? "(none)"}\nBody: {Escape(shown)}";
    }

    /// <summary>Control characters and lone surrogates made visible, so the printed request is the one sent.</summary>
    private static string Escape(string text) => string.Concat(text.Select(c => char.IsControl(c) && c is not '\n' || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
