namespace Fabric.Grains.Placement;

/// <summary>Candidate hosts in order of preference, or why there are none.</summary>
public sealed record PlacementResult(IReadOnlyList<string> Candidates, string Reason);
