using Fabric.Contracts.Validation;

namespace Fabric.Contracts.Tests.Validation;

public sealed class SizesTests
{
    [Theory]
    [InlineData(0L, "0 B")]
    [InlineData(1023L, "1023 B")]
    [InlineData(1536L, "1.5 KiB")]
    [InlineData(536870912L, "512 MiB")]
    [InlineData(25018527744L, "23.3 GiB")]
    [InlineData(1099511627776L, "1 TiB")]
    public void Describe_Bytes_BinaryUnitsWithAtMostOneDecimal(long bytes, string expected) => Assert.Equal(expected, Sizes.Describe(bytes));

    [Theory]
    [InlineData("512M", 512L << 20)]
    [InlineData("2G", 2L << 30)]
    [InlineData("2GiB", 2L << 30)]
    [InlineData("1.5T", 3L << 39)]
    [InlineData("1024", 1024L)]
    [InlineData("8191P", 8191L << 50)]
    public void TryParse_HumanSizes_AreBinary(string text, long expected) => Assert.Equal(expected, Sizes.TryParse(text));

    [Theory]
    [InlineData("")]
    [InlineData("two gigs")]
    [InlineData("-1G")]
    [InlineData("1X")]
    [InlineData("100000000000000P")]
    [InlineData("79228162514264337593543950335K")]
    [InlineData("8192P")]
    public void TryParse_NotASize_IsNull(string text) => Assert.Null(Sizes.TryParse(text));
}
