using Fabric.Contracts.Rest;

namespace Fabric.Silo.Api;

/// <summary>
/// Declares the problem+json answers an endpoint (or a group) can give, so the OpenAPI document lists
/// them with the <see cref="FabricProblem"/> schema and a generated client gets typed errors.
/// </summary>
internal static class ProblemResponses
{
    public const string ContentType = "application/problem+json";

    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statuses)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statuses)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(FabricProblem), [ContentType]));
        }

        return builder;
    }

    /// <summary>What each problem status means in this API, for the document (<see cref="OpenApi.ResponseDescriptions"/>).</summary>
    public static string Describe(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request is invalid; `errors` names each field at fault and what is wrong with it.",
        StatusCodes.Status401Unauthorized => "No admin token, or not this cluster's; send `Authorization: Bearer <token>`.",
        StatusCodes.Status404NotFound => "Nothing of that name (the field in `errors` says what was looked for).",
        StatusCodes.Status409Conflict => "The cluster's state does not allow it now (exists already, in use, not running); `errors` says what to change first.",
        StatusCodes.Status415UnsupportedMediaType => "The body's Content-Type is not the one this endpoint reads.",
        StatusCodes.Status503ServiceUnavailable => "The cluster cannot do this now (no host fits, a host or the cluster did not answer); retry later.",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "no description of this status; add one"),
    };
}
