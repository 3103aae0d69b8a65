namespace Fabric.Contracts.Inventory;

/// <summary>Walks a paged list to its end, for callers that want every item.</summary>
public static class ListPages
{
    /// <summary>Every item, asking <paramref name="page"/> for the page after each continue token until there is none.</summary>
    public static async Task<IReadOnlyList<T>> AllAsync<T>(Func<string?, Task<ListPage<T>>> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var all = new List<T>();
        string? next = null;
        do
        {
            var current = await page(next);
            all.AddRange(current.Items);
            next = current.Continue;
        }
        while (next is not null);
        return all;
    }
}
