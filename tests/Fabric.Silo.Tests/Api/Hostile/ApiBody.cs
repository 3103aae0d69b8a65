namespace Fabric.Silo.Tests.Api.Hostile;

/// <summary>The request body an operation declares: its media types, the schema of the first, and whether it must be sent.</summary>
internal sealed record ApiBody(IReadOnlyList<string> MediaTypes, ApiSchema Schema, bool Required)
{
    public bool IsJson => MediaTypes.Any(m => m.Contains("json", StringComparison.OrdinalIgnoreCase));
}
