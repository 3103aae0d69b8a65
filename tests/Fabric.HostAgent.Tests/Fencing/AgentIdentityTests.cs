using Fabric.HostAgent.Fencing;

namespace Fabric.HostAgent.Tests.Fencing;

public sealed class AgentIdentityTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("fabric-identity-").FullName;

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    [Fact]
    public void Load_Twice_SameHostTokenAnotherIncarnation()
    {
        var first = AgentIdentity.Load(_dataDir);
        var second = AgentIdentity.Load(_dataDir);

        Assert.Matches("^[0-9a-f]{32}$", first.HostToken);
        Assert.Equal(first.HostToken, second.HostToken);
        Assert.Matches("^[0-9a-f]{32}$", first.Incarnation);
        Assert.NotEqual(first.Incarnation, second.Incarnation);
    }

    [Fact]
    public void Renew_GivesANewIncarnationAndKeepsTheToken()
    {
        var identity = AgentIdentity.Load(_dataDir);
        var before = identity.Incarnation;

        var after = identity.Renew();

        Assert.NotEqual(before, after);
        Assert.Equal(after, identity.Incarnation);
        Assert.Equal(File.ReadAllText(Path.Combine(_dataDir, "host-token")).Trim(), identity.HostToken);
    }

    [Fact]
    public void Load_DamagedTokenFile_SaysWhichFileAndWhatToDo()
    {
        File.WriteAllText(Path.Combine(_dataDir, "host-token"), "not a token");

        var ex = Assert.Throws<InvalidDataException>(() => AgentIdentity.Load(_dataDir));

        Assert.Contains(Path.Combine(_dataDir, "host-token"), ex.Message, StringComparison.Ordinal);
        Assert.Contains("delete it", ex.Message, StringComparison.Ordinal);
    }
}
