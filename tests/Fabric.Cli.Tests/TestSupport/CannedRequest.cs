using System.Text;

namespace Fabric.Cli.Tests.TestSupport;

internal sealed record CannedRequest(string Method, string Path, string? Authorization, string? ContentType, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);
}
