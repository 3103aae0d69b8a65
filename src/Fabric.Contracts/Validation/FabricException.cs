namespace Fabric.Contracts.Validation;

/// <summary>
/// A refused request, with every problem found (validation reports them all at once). Thrown by
/// grains, carried to clients by Orleans, shown by REST as problem+json and by the CLI as text.
/// Whatever threw it left the cluster as it was.
/// </summary>
[GenerateSerializer, Alias("fabric.FabricException")]
public sealed class FabricException : Exception
{
    public FabricException(FabricErrorKind kind, IReadOnlyList<ValidationProblem> problems)
        : base(string.Join("; ", problems))
    {
        Kind = kind;
        Problems = problems;
    }

    public FabricException(FabricErrorKind kind, string field, string message)
        : this(kind, [new ValidationProblem(field, message)])
    {
    }

    [Id(0)] public FabricErrorKind Kind { get; }

    [Id(1)] public IReadOnlyList<ValidationProblem> Problems { get; }

    public static FabricException NotFound(string what, string name, string hint) =>
        new(FabricErrorKind.NotFound, what, $"no {what} named '{name}'; {hint}");

    public static FabricException Conflict(string field, string message) => new(FabricErrorKind.Conflict, field, message);

    public static FabricException Invalid(string field, string message) => new(FabricErrorKind.Invalid, field, message);
}
