using MudBlazor;

namespace Fabric.Silo.Dashboard.Overview;

/// <summary>Something on the overview an operator should act on.</summary>
/// <param name="Subject">What it is about, e.g. <c>host node1</c>; links to it when <paramref name="Href"/> is set.</param>
public sealed record ClusterAlert(Severity Severity, string Subject, string Message, string? Href);
