using Fabric.Contracts.Validation;

namespace Fabric.Contracts.Tests.Validation;

public sealed class HostNamesTests
{
    [Theory]
    [InlineData("node1")]
    [InlineData("node-1.rack2.example")]
    [InlineData("a")]
    public void Validate_DnsName_IsAccepted(string name)
    {
        Assert.Null(HostNames.Validate(name));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("Node1", "not a DNS name")]
    [InlineData("-node", "not a DNS name")]
    [InlineData("node-", "not a DNS name")]
    [InlineData("node_1", "not a DNS name")]
    [InlineData("a..b", "not a DNS name")]
    [InlineData("node 1", "not a DNS name")]
    [InlineData("node,1", "not a DNS name")]
    [InlineData("../etc", "not a DNS name")]
    [InlineData("node\n1", "not a DNS name")]
    public void Validate_NotDnsName_SaysWhy(string name, string expected)
    {
        Assert.Contains(expected, HostNames.Validate(name), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LabelOver63Characters_IsRefused()
    {
        Assert.NotNull(HostNames.Validate(new string('a', 64)));
    }

    [Fact]
    public void Validate_NameOver253Characters_SaysTheLength()
    {
        var name = string.Join('.', Enumerable.Repeat(new string('a', 50), 6));
        Assert.Contains("at most 253", HostNames.Validate(name), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ControlCharacters_AreNotEchoedIntoTheMessage()
    {
        Assert.DoesNotContain("\n", HostNames.Validate("bad\nname"), StringComparison.Ordinal);
    }
}
