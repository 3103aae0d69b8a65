using System.Net;
using System.Net.Http.Headers;
using Fabric.Silo.Tests.Api;

namespace Fabric.Silo.Tests.Auth;

// The token file mode is a Unix permission; Fabric runs on Linux.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Collection(SiloProcessCollection.Name)]
public sealed class BearerTokenTests(SiloProcessFixture silo)
{
    [Theory]
    [InlineData("/api/v1/vms")]
    [InlineData("/api/v1/hosts")]
    [InlineData("/api/v1/disks/anything")]
    [InlineData("/api/v1/nothing-here")]
    public async Task Api_NoToken_401ProblemSayingHowToAuthenticate(string path)
    {
        using var response = await silo.Anonymous.GetAsync(path);

        var message = await Problems.AssertFieldAsync(response, HttpStatusCode.Unauthorized, "authorization");
        Assert.Contains("Bearer", message, StringComparison.Ordinal);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("Bearer", "not-the-token")]
    [InlineData("Bearer", "")]
    [InlineData("Basic", "YWRtaW46YWRtaW4=")]
    public async Task Api_WrongCredentials_401(string scheme, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/vms");
        request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {value}".TrimEnd());

        using var response = await silo.Anonymous.SendAsync(request);

        await Problems.AssertFieldAsync(response, HttpStatusCode.Unauthorized, "authorization");
    }

    [Fact]
    public async Task Api_TokenWithOneCharacterChanged_401()
    {
        var wrong = (silo.Token[0] == 'A' ? 'B' : 'A') + silo.Token[1..];
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/vms");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", wrong);

        using var response = await silo.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Api_AdminToken_200()
    {
        using var response = await silo.Api.GetAsync("/api/v1/vms");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task Probes_NoToken_200(string path)
    {
        using var response = await silo.Anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void GeneratedToken_IsInTheDataDirReadableByOwnerOnly()
    {
        var mode = File.GetUnixFileMode(Path.Combine(silo.DataDir, "admin-token"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        Assert.True(silo.Token.Length >= 43, silo.Token);
    }
}
