using Fabric.Contracts.Validation;

namespace Fabric.Contracts.Tests.Validation;

public sealed class ProblemCollectorTests
{
    [Fact]
    public void Check_NullProblem_AddsNothingAndThrowIfAnyPasses()
    {
        var problems = new ProblemCollector();
        problems.Check("name", null);

        problems.ThrowIfAny();
        Assert.Equal(0, problems.Count);
    }

    [Fact]
    public void ThrowIfAny_SeveralProblems_ThrowsThemAllInOrderAsInvalid()
    {
        var problems = new ProblemCollector();
        problems.Check("a", "first");
        problems.Check("b", null);
        problems.Check("c", "second");

        var ex = Assert.Throws<FabricException>(problems.ThrowIfAny);

        Assert.Equal(FabricErrorKind.Invalid, ex.Kind);
        Assert.Equal([new ValidationProblem("a", "first"), new ValidationProblem("c", "second")], ex.Problems);
    }
}
