using Fabric.Contracts.Rest;

namespace Fabric.Contracts.Tests.Rest;

public sealed class ExecRequestValidatorTests
{
    [Fact]
    public void Validate_GoodRequest_HasNoProblems() =>
        Assert.Empty(ExecRequestValidator.Validate(new ExecRequest { Command = ["/bin/uname", "-a"] }));

    [Fact]
    public void Validate_NullCommand_NamesCommand() =>
        Assert.Equal("command", Assert.Single(ExecRequestValidator.Validate(new ExecRequest { Command = null! })).Field);

    [Fact]
    public void Validate_NullArgument_NamedByIndex() =>
        Assert.Equal("command[1]", Assert.Single(ExecRequestValidator.Validate(new ExecRequest { Command = ["/bin/echo", null!] })).Field);

    [Fact]
    public void Validate_NulInAnArgument_NamesCommand() =>
        Assert.Equal("command", Assert.Single(ExecRequestValidator.Validate(new ExecRequest { Command = ["/bin/echo", "a\0b"] })).Field);

    [Fact]
    public void Validate_EmptyCommandAndBadTimeout_BothReported() =>
        Assert.Equal(["command", "timeoutSeconds"], ExecRequestValidator.Validate(new ExecRequest { Command = [], TimeoutSeconds = 0 }).Select(p => p.Field));
}
