namespace Fabric.Contracts.Validation;

/// <summary>One problem with a request: the field it concerns and what is wrong.</summary>
[GenerateSerializer, Immutable, Alias("fabric.ValidationProblem")]
public sealed record ValidationProblem([property: Id(0)] string Field, [property: Id(1)] string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
