using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fabric.Silo.Api.OpenApi;

/// <summary>
/// Says what each problem answer means in this API (the framework writes only the reason phrase) and
/// lists an operation's answers by status, successes first, whichever order they were declared in.
/// </summary>
internal sealed class ResponseDescriptions : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Responses is not { } responses)
        {
            return Task.CompletedTask;
        }

        foreach (var (status, response) in responses)
        {
            if (response is OpenApiResponse problem && problem.Content?.ContainsKey(ProblemResponses.ContentType) == true)
            {
                problem.Description = ProblemResponses.Describe(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var ordered = responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        responses.Clear();
        foreach (var (status, response) in ordered)
        {
            responses.Add(status, response);
        }

        return Task.CompletedTask;
    }
}
