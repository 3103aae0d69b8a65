using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;

namespace Fabric.Contracts.Rest;

/// <summary>Checks an exec request on its own and reports every problem at once, a null argument by its index.</summary>
public static class ExecRequestValidator
{
    public static IReadOnlyList<ValidationProblem> Validate(ExecRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new ProblemCollector();
        var words = RequestLists.Present(problems, "command", request.Command, "a string (each argument is one)");
        problems.Check("command", request.Command is { } command && words.Count == command.Count ? ExecRules.ValidateCommand(command) : null);
        problems.Check("timeoutSeconds", ExecRules.ValidateTimeout(request.TimeoutSeconds));
        return problems.Problems;
    }
}
