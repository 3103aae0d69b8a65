using System.Net;

namespace Fabric.Silo.Tests.Api;

/// <summary>
/// A request body that announces a length but is never sent: with <c>Expect: 100-continue</c> the
/// server must answer from the headers alone. A server that asks for the body fails the request.
/// </summary>
internal sealed class HeadersOnlyContent : HttpContent
{
    private readonly long _length;

    public HeadersOnlyContent(long length)
    {
        _length = length;
        Headers.ContentType = new("application/octet-stream");
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        throw new InvalidOperationException($"the server asked for the {_length}-byte body instead of refusing it from its headers");

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }
}
