namespace Fabric.Silo.Tests.Api.Hostile;

/// <summary>One parameter of an operation: its name, where it goes (<c>path</c> or <c>query</c>) and its schema.</summary>
internal sealed record ApiParameter(string Name, string In, ApiSchema Schema);
