namespace Fabric.Silo.Dashboard.Operations;

/// <summary>An operation the dashboard started: its id, and what it acts on (<c>vm/web1</c>).</summary>
public sealed record TrackedOperation(string Id, string Target);
