using Fabric.Contracts.Vms;

namespace Fabric.Contracts.Tests.Vms;

public sealed class ShutdownTimeoutRuleTests
{
    [Theory]
    [InlineData(1, true)]
    [InlineData(3600, true)]
    [InlineData(0, false)]
    [InlineData(-5, false)]
    [InlineData(3601, false)]
    public void Validate_Seconds_OneSecondToOneHour(int seconds, bool fine) => Assert.Equal(fine, ShutdownTimeoutRule.Validate(seconds) is null);

    [Theory]
    [InlineData(1000, true)]
    [InlineData(3_600_000, true)]
    [InlineData(999, false)]
    [InlineData(3_600_001, false)]
    public void Validate_TimeSpan_SameBoundsAsSeconds(int milliseconds, bool fine) =>
        Assert.Equal(fine, ShutdownTimeoutRule.Validate(TimeSpan.FromMilliseconds(milliseconds)) is null);

    [Fact]
    public void Validate_OutOfBounds_SaysTheBounds() => Assert.Equal("0 s is not a shutdown timeout; give 1 to 3600 seconds", ShutdownTimeoutRule.Validate(0));
}
