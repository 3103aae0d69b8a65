using Fabric.Grains.Placement;

namespace Fabric.Grains.Tests.Placement;

public sealed class PlacementOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(new PlacementOptionsValidator().Validate(null, new PlacementOptions()).Succeeded);

    [Theory]
    [InlineData(0.0, 1.0, "CpuAllocationRatio")]
    [InlineData(double.NaN, 1.0, "CpuAllocationRatio")]
    [InlineData(4.0, 10.0, "MemoryAllocationRatio")]
    public void Validate_RatioOutOfRange_NamesTheSetting(double cpu, double memory, string setting)
    {
        var result = new PlacementOptionsValidator().Validate(null, new PlacementOptions { CpuAllocationRatio = cpu, MemoryAllocationRatio = memory });

        Assert.True(result.Failed);
        Assert.Contains($"Fabric:Placement:{setting}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnnamedStrategy_SaysWhichExist()
    {
        var result = new PlacementOptionsValidator().Validate(null, new PlacementOptions { Strategy = (PlacementGoal)7 });

        Assert.Contains("Spread or Pack", result.FailureMessage, StringComparison.Ordinal);
    }
}
