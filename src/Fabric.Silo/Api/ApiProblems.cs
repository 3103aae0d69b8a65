using Fabric.Contracts.Validation;

namespace Fabric.Silo.Api;

/// <summary>
/// The one shape of every API error: <c>application/problem+json</c> with <c>title</c>,
/// <c>detail</c> and an <c>errors</c> array of <c>{field, message}</c>.
/// </summary>
public static class ApiProblems
{
    public static int StatusOf(FabricErrorKind kind) => kind switch
    {
        FabricErrorKind.Invalid => StatusCodes.Status400BadRequest,
        FabricErrorKind.NotFound => StatusCodes.Status404NotFound,
        FabricErrorKind.Conflict => StatusCodes.Status409Conflict,
        FabricErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static string TitleOf(FabricErrorKind kind) => kind switch
    {
        FabricErrorKind.Invalid => "The request is invalid",
        FabricErrorKind.NotFound => "Not found",
        FabricErrorKind.Conflict => "Conflict with the cluster's state",
        FabricErrorKind.Unavailable => "The cluster cannot do this now",
        _ => "Error",
    };

    public static Task WriteAsync(HttpContext context, FabricException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return WriteAsync(context, StatusOf(exception.Kind), TitleOf(exception.Kind), exception.Problems);
    }

    public static async Task WriteAsync(HttpContext context, int status, string title, IReadOnlyList<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problems);
        var detail = string.Join("; ", problems.Select(p => p.ToString()));
        context.Response.StatusCode = status;
        await Results.Problem(
            title: title,
            detail: detail,
            statusCode: status,
            extensions: new Dictionary<string, object?> { ["errors"] = problems.Select(p => new { field = p.Field, message = p.Message }).ToArray() })
            .ExecuteAsync(context);
    }
}
