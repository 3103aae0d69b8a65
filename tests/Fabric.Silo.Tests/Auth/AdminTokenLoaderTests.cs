using Fabric.Contracts.Configuration;
using Fabric.Silo.Auth;
using Microsoft.Extensions.Configuration;

namespace Fabric.Silo.Tests.Auth;

// The token file mode is a Unix permission; Fabric runs on Linux.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AdminTokenLoaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fabric-token-").FullName;

    [Fact]
    public void Load_NothingConfigured_GeneratesOwnerOnlyFileInDataDir()
    {
        var token = AdminTokenLoader.Load(Config(("Fabric:DataDir", _directory)));

        var path = Path.Combine(_directory, "admin-token");
        Assert.Equal(AdminTokenOrigin.Generated, token.Origin);
        Assert.Equal(path, token.FilePath);
        Assert.Equal(token.Value, File.ReadAllText(path).Trim());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Matches("^[A-Za-z0-9_-]{43}$", token.Value);
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public void Load_SecondStart_ReusesTheGeneratedToken()
    {
        var first = AdminTokenLoader.Load(Config(("Fabric:DataDir", _directory)));

        var second = AdminTokenLoader.Load(Config(("Fabric:DataDir", _directory)));

        Assert.Equal(AdminTokenOrigin.ReusedGenerated, second.Origin);
        Assert.Equal(first.Value, second.Value);
    }

    [Fact]
    public void Load_ConfiguredFile_ReadsAndTrimsIt()
    {
        var path = Path.Combine(_directory, "token");
        File.WriteAllText(path, "  s3cret-token\n");

        var token = AdminTokenLoader.Load(Config(("Fabric:AdminTokenFile", path), ("Fabric:DataDir", _directory)));

        Assert.Equal("s3cret-token", token.Value);
        Assert.Equal(AdminTokenOrigin.ConfiguredFile, token.Origin);
        Assert.False(File.Exists(Path.Combine(_directory, "admin-token")));
    }

    [Fact]
    public void Load_ConfiguredFileEmpty_RefusesNamingTheSetting()
    {
        var path = Path.Combine(_directory, "token");
        File.WriteAllText(path, " \n");

        var ex = Assert.Throws<InvalidSettingException>(() => AdminTokenLoader.Load(Config(("Fabric:AdminTokenFile", path))));

        Assert.StartsWith($"Fabric:AdminTokenFile: {path} is empty.", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Load_ConfiguredFileMissing_RefusesNamingTheSetting()
    {
        var path = Path.Combine(_directory, "missing");

        var ex = Assert.Throws<InvalidSettingException>(() => AdminTokenLoader.Load(Config(("Fabric:AdminTokenFile", path))));

        Assert.StartsWith($"Fabric:AdminTokenFile: cannot read {path}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_ComparesWholeTokens()
    {
        var validator = new AdminTokenValidator(new AdminToken("abc123", "/x", AdminTokenOrigin.ConfiguredFile));

        Assert.True(validator.IsValid("abc123"));
        Assert.False(validator.IsValid("abc12"));
        Assert.False(validator.IsValid("abc1234"));
        Assert.False(validator.IsValid(""));
        Assert.False(validator.IsValid(null));
    }

    [Fact]
    public void Token_ToString_DoesNotPrintTheSecret()
    {
        var token = new AdminToken("super-secret", "/data/admin-token", AdminTokenOrigin.Generated);

        Assert.DoesNotContain("super-secret", token.ToString(), StringComparison.Ordinal);
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
