using Fabric.Contracts.Validation;

namespace Fabric.Contracts.Rest;

/// <summary>
/// Body of every REST error: <c>application/problem+json</c> (RFC 9457) with an <c>errors</c> list that
/// names each field at fault and what to do about it. The OpenAPI document describes errors with this type,
/// so a generated client gets them typed.
/// </summary>
public sealed record FabricProblem
{
    /// <summary>A URI naming the kind of problem (here: the HTTP status's section of RFC 9110).</summary>
    public string? Type { get; init; }

    /// <summary>What went wrong, in a few words; the same for every problem of one status.</summary>
    public required string Title { get; init; }

    /// <summary>The HTTP status code, repeated.</summary>
    public required int Status { get; init; }

    /// <summary>Every problem in one sentence (<c>field: message; …</c>).</summary>
    public required string Detail { get; init; }

    /// <summary>One entry per problem: the field (or <c>body</c>, <c>path</c>, <c>authorization</c>…) and what is wrong with it.</summary>
    public required IReadOnlyList<ValidationProblem> Errors { get; init; }

    /// <summary>The request's trace id, to find it in the silo's log.</summary>
    public string? TraceId { get; init; }
}
