using Fabric.Contracts.Configuration;

namespace Fabric.Contracts.Tests.Configuration;

public sealed class FlagArgumentsTests
{
    [Fact]
    public void Expand_KnownFlag_BecomesConfigurationKey()
    {
        var flags = new Dictionary<string, string> { ["--in-memory"] = "Fabric:InMemory" };

        var expanded = FlagArguments.Expand(["--urls", "http://127.0.0.1:1", "--in-memory"], flags);

        Assert.Equal(["--urls", "http://127.0.0.1:1", "--Fabric:InMemory=true"], expanded);
    }
}
