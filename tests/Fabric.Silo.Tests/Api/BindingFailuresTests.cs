using Fabric.Silo.Api;
using Microsoft.AspNetCore.Http;

namespace Fabric.Silo.Tests.Api;

public sealed class BindingFailuresTests
{
    [Theory]
    [InlineData("Failed to bind parameter \"Nullable<int> limit\" from \"abc\".", "limit", "'abc' is not a whole number")]
    [InlineData("Failed to bind parameter \"Nullable<bool> deleteDisks\" from \"maybe\".", "deleteDisks", "'maybe' is not true or false")]
    [InlineData("Failed to bind parameter \"Guid id\" from \"x\".", "id", "'x' is not a value of type Guid")]
    public void Describe_ParameterThatDidNotBind_NamesItAndWhatItNeeds(string message, string field, string expected)
    {
        var problem = BindingFailures.Describe(new BadHttpRequestException(message));

        Assert.Equal((field, expected), (problem.Field, problem.Message));
    }

    [Fact]
    public void Describe_HostileValue_ShownCutAndPrintable()
    {
        var problem = BindingFailures.Describe(new BadHttpRequestException($"Failed to bind parameter \"Nullable<int> limit\" from \"a\0\ud800{new string('9', 500)}\"."));

        Assert.Equal("limit", problem.Field);
        Assert.StartsWith("'a??999", problem.Message, StringComparison.Ordinal);
        Assert.True(problem.Message.Length < 100, problem.Message);
    }

    [Theory]
    [InlineData("Implicit body inferred for parameter \"request\" but no body was provided. Did you mean to use a Service instead?")]
    [InlineData("Required parameter \"CreateVmRequest request\" was not provided from body.")]
    public void Describe_NoBody_SaysToSendAJsonObject(string message)
    {
        var problem = BindingFailures.Describe(new BadHttpRequestException(message));

        Assert.Equal(("body", "no JSON object was sent (the body is empty or JSON null); send one as application/json"), (problem.Field, problem.Message));
    }

    [Fact]
    public void Describe_UnknownMessage_PassesThroughUnderBody() =>
        Assert.Equal("body", BindingFailures.Describe(new BadHttpRequestException("Request body too large.")).Field);
}
