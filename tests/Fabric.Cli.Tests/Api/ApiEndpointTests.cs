using Fabric.Cli.Api;
using Fabric.Cli.Config;
using Fabric.Cli.Tests.TestSupport;

namespace Fabric.Cli.Tests.Api;

public sealed class ApiEndpointTests : IDisposable
{
    private readonly CliHarness _cli = new();

    [Fact]
    public void Resolve_NothingConfigured_IsDefaultLocalPort()
    {
        Assert.Equal(new Uri("http://127.0.0.1:8480/"), ApiEndpoint.Resolve(null, Context()).Url);
    }

    [Fact]
    public void Resolve_ConfigFile_BeatsDefault()
    {
        CliConfigStore.For(Context()).Save(new CliConfig("http://127.0.0.1:9001"));

        Assert.Equal(new Uri("http://127.0.0.1:9001/"), ApiEndpoint.Resolve(null, Context()).Url);
    }

    [Fact]
    public void Resolve_Environment_BeatsConfigFile()
    {
        CliConfigStore.For(Context()).Save(new CliConfig("http://127.0.0.1:9001"));
        _cli.Environment["FABRIC_API"] = "http://127.0.0.1:9002";

        Assert.Equal(new Uri("http://127.0.0.1:9002/"), ApiEndpoint.Resolve(null, Context()).Url);
    }

    [Fact]
    public void Resolve_Option_BeatsEnvironment()
    {
        _cli.Environment["FABRIC_API"] = "http://127.0.0.1:9002";

        Assert.Equal(new Uri("http://fabric.example:80/"), ApiEndpoint.Resolve("http://fabric.example:80", Context()).Url);
    }

    [Fact]
    public void Resolve_PathPrefix_KeptWithTrailingSlash()
    {
        var url = ApiEndpoint.Resolve("https://gateway.example/fabric", Context()).Url!;

        Assert.Equal("https://gateway.example/fabric/api/v1/hosts", new Uri(url, "api/v1/hosts").ToString());
    }

    [Theory]
    [InlineData("localhost:8480")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("not a url")]
    public void Resolve_NotHttpUrl_ErrorNamingSource(string value)
    {
        var (url, error) = ApiEndpoint.Resolve(value, Context());

        Assert.Null(url);
        Assert.Contains($"invalid API URL '{value}' (from --api)", error);
    }

    private CliContext Context() => new()
    {
        Stdout = TextWriter.Null,
        Stderr = TextWriter.Null,
        GetEnvironmentVariable = name => _cli.Environment.GetValueOrDefault(name),
    };

    public void Dispose() => _cli.Dispose();
}
