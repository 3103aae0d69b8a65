namespace Fabric.Contracts.Inventory;

/// <summary>
/// One page of a list, in name order, as Kubernetes lists are paged: pass <see cref="Continue"/> back
/// to get the next page; it is null on the last page.
/// </summary>
[GenerateSerializer, Immutable, Alias("fabric.ListPage`1")]
public sealed record ListPage<T>(
    [property: Id(0)] IReadOnlyList<T> Items,
    [property: Id(1)] string? Continue);
