using Fabric.Cli.Output;

namespace Fabric.Cli.Tests.Output;

public sealed class HumanUnitsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(4, "4s ago")]
    [InlineData(59, "59s ago")]
    [InlineData(60, "1m ago")]
    [InlineData(7200, "2h ago")]
    [InlineData(3 * 86400, "3d ago")]
    [InlineData(-2, "0s ago")]
    public void Age_Seconds_ShortForm(int secondsAgo, string expected) =>
        Assert.Equal(expected, HumanUnits.Age(Now.AddSeconds(-secondsAgo), Now));

    [Fact]
    public void Truncate_LongText_CutWithEllipsisWithinLimit()
    {
        Assert.Equal("abc", HumanUnits.Truncate("abc", 5));
        Assert.Equal("abcd…", HumanUnits.Truncate("abcdefgh", 5));
        Assert.Equal("ab…", HumanUnits.Truncate("ab cdefgh", 4));
    }
}
