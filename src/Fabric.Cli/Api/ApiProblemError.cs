namespace Fabric.Cli.Api;

/// <summary>One entry of a problem's <c>errors</c>: the field and what is wrong with it.</summary>
internal sealed record ApiProblemError(string Field, string Message);
