using Fabric.Contracts.Validation;

namespace Fabric.Contracts.Inventory;

/// <summary>Page sizes and continue tokens of paged lists: one rule for REST, the grain client and the index grains.</summary>
public static class ListLimits
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 1000;

    public static string? ValidateLimit(int limit) =>
        limit is < 1 or > MaxLimit ? $"{limit} items asked per page; give 1 to {MaxLimit}" : null;

    /// <summary>A continue token is the last name of the previous page: a DNS label.</summary>
    public static string? ValidateContinue(string? token) =>
        token is null ? null : ResourceNames.ValidateLabel(token, "continue token") is null ? null
            : "not a continue token of this list; pass back the 'continue' value of the previous page, or leave it out for the first page";

    /// <summary>Both checks of a list request, every problem at once.</summary>
    public static IReadOnlyList<ValidationProblem> Validate(int limit, string? continueAfter)
    {
        var problems = new ProblemCollector();
        problems.Check("limit", ValidateLimit(limit));
        problems.Check("continue", ValidateContinue(continueAfter));
        return problems.Problems;
    }
}
