namespace Fabric.Contracts.Validation;

/// <summary>
/// Collects every problem with a request, so a validator reports them all at once; the one
/// helper every validator (Contracts, REST, grains) uses to turn "this rule says no" into a problem.
/// </summary>
public sealed class ProblemCollector
{
    private readonly List<ValidationProblem> _problems = [];

    public int Count => _problems.Count;

    public IReadOnlyList<ValidationProblem> Problems => _problems;

    /// <summary>Adds <paramref name="problem"/> under <paramref name="field"/> when a rule returned one (null means fine).</summary>
    public void Check(string field, string? problem)
    {
        if (problem is not null)
        {
            _problems.Add(new ValidationProblem(field, problem));
        }
    }

    public void Add(ValidationProblem problem) => _problems.Add(problem);

    public void AddRange(IEnumerable<ValidationProblem> problems) => _problems.AddRange(problems);

    /// <summary>Throws an Invalid <see cref="FabricException"/> naming every problem, when there is one.</summary>
    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
        {
            throw new FabricException(FabricErrorKind.Invalid, [.. _problems]);
        }
    }
}
