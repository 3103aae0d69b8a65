using Fabric.Configuration;
using Fabric.Contracts.Configuration;

namespace Fabric.Silo.Tests.Configuration;

/// <summary>A Redis password must never reach a message or a log: the redactor, and the parse errors that print the setting.</summary>
public sealed class RedisSettingTests
{
    [Theory]
    [InlineData("10.0.0.5:6379,password=hunter2", "10.0.0.5:6379,password=***")]
    [InlineData("10.0.0.5:6379,PASSWORD=hunter2,ssl=true", "10.0.0.5:6379,PASSWORD=***,ssl=true")]
    [InlineData("10.0.0.5:6379,user=alice,password=hunter2", "10.0.0.5:6379,user=***,password=***")]
    [InlineData("10.0.0.5:6379, password = hunter2 ,connectTimeout=500", "10.0.0.5:6379, password =***,connectTimeout=500")]
    [InlineData("10.0.0.5:6379", "10.0.0.5:6379")]
    public void Redact_ConnectionString_HidesPasswordAndUserKeepsTheRest(string text, string expected)
    {
        Assert.Equal(expected, RedisSetting.Redact(text));
    }

    [Theory]
    [InlineData("10.0.0.5:6379,password=hunter2,bogus=1", "'10.0.0.5:6379,password=***,bogus=1' is not a Redis connection string")]
    [InlineData("10.0.0.5:6379,Password = hunter2,bogus=1", "'10.0.0.5:6379,Password =***,bogus=1' is not a Redis connection string")]
    [InlineData("password=hunter2", "'password=***' names no Redis server")]
    public void Parse_BadStringWithPassword_ErrorSaysWhatIsWrongWithoutThePassword(string text, string expected)
    {
        var ex = Assert.Throws<InvalidSettingException>(() => RedisSetting.Parse(text, "Fabric:Redis"));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", ex.ToString(), StringComparison.Ordinal);
    }
}
