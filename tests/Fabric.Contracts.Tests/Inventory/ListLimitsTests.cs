using Fabric.Contracts.Inventory;

namespace Fabric.Contracts.Tests.Inventory;

public sealed class ListLimitsTests
{
    [Theory]
    [InlineData(1, true)]
    [InlineData(1000, true)]
    [InlineData(0, false)]
    [InlineData(1001, false)]
    public void ValidateLimit_OneToAThousand(int limit, bool fine) => Assert.Equal(fine, ListLimits.ValidateLimit(limit) is null);

    [Theory]
    [InlineData(null, true)]
    [InlineData("web-7", true)]
    [InlineData("../etc", false)]
    [InlineData("", false)]
    public void ValidateContinue_ATokenIsAName(string? token, bool fine) => Assert.Equal(fine, ListLimits.ValidateContinue(token) is null);
}
