using Fabric.Contracts.Validation;

namespace Fabric.Contracts.Tests.Validation;

public sealed class RequestListsTests
{
    [Fact]
    public void Present_NullList_NamesTheListAndReturnsNoItems()
    {
        var problems = new ProblemCollector();

        var items = RequestLists.Present<string>(problems, "disks", null, "a disk");

        Assert.Empty(items);
        Assert.Equal("disks", Assert.Single(problems.Problems).Field);
    }

    [Fact]
    public void Present_NullItems_NamedByIndexAndSkipped()
    {
        var problems = new ProblemCollector();

        var items = RequestLists.Present(problems, "nics", [null, "a", null, "b"], "a NIC");

        Assert.Equal([(1, "a"), (3, "b")], items);
        Assert.Equal(["nics[0]", "nics[2]"], problems.Problems.Select(p => p.Field));
        Assert.All(problems.Problems, p => Assert.Contains("give a NIC", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Present_NoNulls_NoProblems()
    {
        var problems = new ProblemCollector();

        Assert.Equal(2, RequestLists.Present(problems, "bootOrder", ["cdrom", "disk"], "a device").Count);
        Assert.Equal(0, problems.Count);
    }
}
