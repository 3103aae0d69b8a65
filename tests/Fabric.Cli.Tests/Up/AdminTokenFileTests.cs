using Fabric.Cli.Tests.TestSupport;
using Fabric.Cli.Up;

namespace Fabric.Cli.Tests.Up;

// The token file mode is a Unix permission; Fabric runs on Linux.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AdminTokenFileTests : IDisposable
{
    private readonly TemporaryDirectory _data = new();

    [Fact]
    public void Ensure_FirstStart_Creates32RandomBytesBase64UrlOwnerOnly()
    {
        var token = AdminTokenFile.Ensure(_data.Path);

        Assert.True(token.Created);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", token.Token);
        Assert.Equal(token.Token, File.ReadAllText(token.Path).Trim());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(token.Path));
    }

    [Fact]
    public void Ensure_LaterStart_ReusesTheToken()
    {
        var first = AdminTokenFile.Ensure(_data.Path);

        var second = AdminTokenFile.Ensure(_data.Path);

        Assert.False(second.Created);
        Assert.Equal(first.Token, second.Token);
    }

    public void Dispose() => _data.Dispose();
}
