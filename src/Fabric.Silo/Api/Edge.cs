using Fabric.Contracts.Validation;

namespace Fabric.Silo.Api;

/// <summary>
/// Checks at the API's edge, before any grain call. Grains check again (other clients exist);
/// these fail fast and name the field. Each throws <see cref="FabricException"/>, which
/// <see cref="ApiExceptionHandler"/> turns into problem+json.
/// </summary>
internal static class Edge
{
    public static string Label(string? name, string what, string field = "name") =>
        ResourceNames.ValidateLabel(name, what) is { } problem ? throw FabricException.Invalid(field, problem) : name!;

    public static string ImageName(string? name, string field = "name") =>
        ResourceNames.ValidateImageName(name) is { } problem ? throw FabricException.Invalid(field, problem) : name!;

    public static void ThrowIfAny(IReadOnlyList<ValidationProblem> problems)
    {
        if (problems.Count > 0)
        {
            throw new FabricException(FabricErrorKind.Invalid, problems);
        }
    }

    public static T Found<T>(T? value, string what, string name, string hint)
        where T : class =>
        value ?? throw FabricException.NotFound(what, name, hint);

    /// <summary>Where a client polls an operation it was handed in a 202.</summary>
    public static string OperationUrl(string id) => $"/api/v1/operations/{Uri.EscapeDataString(id)}";
}
