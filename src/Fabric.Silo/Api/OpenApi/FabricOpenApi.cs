namespace Fabric.Silo.Api.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>: the REST API under <c>/api/v1</c> only, described well
/// enough for a generated client (typed answers and errors, the bearer token). The dashboard, the Orleans
/// dashboard, sign-out and the health probes are not part of it. docs/api/openapi.json is its reviewed copy.
/// </summary>
public static class FabricOpenApi
{
    public static IServiceCollection AddFabricOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer<DocumentDescription>();
            options.AddOperationTransformer<BearerRequirement>();
            options.AddOperationTransformer<ResponseDescriptions>();
            options.AddSchemaTransformer<ProblemMessageSchema>();
        });
}
