using System.Text.Json;
using Fabric.Contracts.Validation;
using Microsoft.AspNetCore.Diagnostics;

namespace Fabric.Silo.Api;

/// <summary>
/// The one place exceptions become HTTP errors: a grain's or the edge's <see cref="FabricException"/>
/// by its kind (400/404/409/503), an unreadable body as 400 naming what could not be read, a cluster
/// that did not answer as 503. Anything else is a bug and stays a 500 without internals.
/// </summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        switch (exception)
        {
            case FabricException fabric:
                await ApiProblems.WriteAsync(httpContext, fabric);
                return true;
            case JsonException json:
                await ApiProblems.WriteAsync(httpContext, StatusCodes.Status400BadRequest, "The request cannot be read", [DescribeJson(json)]);
                return true;
            case BadHttpRequestException bad:
                await ApiProblems.WriteAsync(httpContext, bad.StatusCode, "The request cannot be read", [DescribeBadRequest(bad)]);
                return true;
            case Orleans.Storage.InconsistentStateException:
                // Two writers raced on one record (e.g. a duplicate activation while a silo failed): the
                // loser is not applied. Orleans deactivates it, so a retry reads the winner's state first.
                await ApiProblems.WriteAsync(httpContext, StatusCodes.Status409Conflict, ApiProblems.TitleOf(FabricErrorKind.Conflict),
                    [new ValidationProblem("state", "another change to the same object was stored first, so this one was not applied; read it again and retry")]);
                return true;
            case TimeoutException or OrleansMessageRejectionException or SiloUnavailableException:
                LogClusterUnavailable(logger, httpContext.Request.Path, exception.Message);
                await ApiProblems.WriteAsync(httpContext, StatusCodes.Status503ServiceUnavailable, ApiProblems.TitleOf(FabricErrorKind.Unavailable),
                    [new ValidationProblem("cluster", $"the cluster did not answer: {exception.Message}; retry, and check the silo logs if it persists")]);
                return true;
            default:
                return false;
        }
    }

    private static ValidationProblem DescribeBadRequest(BadHttpRequestException bad) =>
        bad.InnerException is JsonException json ? DescribeJson(json) : BindingFailures.Describe(bad);

    // A syntax error (a subclass) concerns the body as a whole; a plain JsonException names the field whose value did not fit.
    private static ValidationProblem DescribeJson(JsonException json) => json.GetType() != typeof(JsonException)
        ? new ValidationProblem("body", $"malformed JSON: {json.Message}")
        : new ValidationProblem(FieldOf(json.Path), $"cannot read this value: {FirstSentence(json.Message)}");

    /// <summary><c>$.disks[0].sizeBytes</c> → <c>disks[0].sizeBytes</c>; the whole body is <c>body</c>.</summary>
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    // System.Text.Json appends "Path: … | LineNumber: … | BytePositionInLine: …"; the field says where already.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path}: the cluster did not answer: {Reason}")]
    private static partial void LogClusterUnavailable(ILogger logger, string path, string reason);
}
