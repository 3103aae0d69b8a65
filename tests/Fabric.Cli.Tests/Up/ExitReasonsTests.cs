using Fabric.Cli.Up;

namespace Fabric.Cli.Tests.Up;

public sealed class ExitReasonsTests
{
    [Theory]
    [InlineData(137, "signal KILL")]
    [InlineData(143, "signal TERM")]
    [InlineData(134, "signal ABRT")]
    [InlineData(0, "code 0")]
    [InlineData(1, "code 1")]
    public void Describe_SignalsAs128PlusNumber_ElseTheCode(int exitCode, string expected) =>
        Assert.Equal(expected, ExitReasons.Describe(exitCode));
}
