using Fabric.Contracts.Vms;

namespace Fabric.Contracts.Rest;

/// <summary>Body of <c>POST /api/v1/vms/{name}/exec</c>: a program and its arguments, run without a shell.</summary>
public sealed record ExecRequest
{
    public IReadOnlyList<string> Command { get; init; } = [];

    public int TimeoutSeconds { get; init; } = ExecRules.DefaultTimeoutSeconds;
}
