using Fabric.Contracts.Vms;

namespace Fabric.Contracts.Tests.Vms;

public sealed class ExecRulesTests
{
    [Theory]
    [InlineData(1, true)]
    [InlineData(290, true)]
    [InlineData(0, false)]
    [InlineData(291, false)]
    public void ValidateTimeout_OneTo290Seconds(int seconds, bool fine)
    {
        Assert.Equal(fine, ExecRules.ValidateTimeout(seconds) is null);
        Assert.Equal(fine, ExecRules.ValidateTimeout(TimeSpan.FromSeconds(seconds)) is null);
    }

    [Fact]
    public void ValidateCommand_NoProgram_IsAProblem()
    {
        Assert.NotNull(ExecRules.ValidateCommand(null));
        Assert.NotNull(ExecRules.ValidateCommand([]));
        Assert.NotNull(ExecRules.ValidateCommand([""]));
        Assert.Null(ExecRules.ValidateCommand(["/bin/true"]));
    }

    [Fact]
    public void ValidateCommand_NullArgument_IsAProblem() =>
        Assert.Equal("argument 1 is null; give each argument as a string", ExecRules.ValidateCommand(["/bin/echo", null]));

    [Theory]
    [InlineData("/bin/ec\0ho", "x")]
    [InlineData("/bin/rm", "/tmp/x\0 /")]
    public void ValidateCommand_NulInAnArgument_IsAProblem(string program, string argument) =>
        Assert.Contains("holds a NUL character", ExecRules.ValidateCommand([program, argument]), StringComparison.Ordinal);
}
