namespace Fabric.Contracts.Validation;

/// <summary>
/// Lists in requests. The C# types say a list and its items are never null, but System.Text.Json does
/// not enforce nullable reference types (nor can it for items), so JSON can send <c>"disks": null</c>
/// or <c>"disks": [null]</c>. Each null becomes a problem naming where it is (<c>disks</c>,
/// <c>disks[0]</c>) instead of a NullReferenceException further on.
/// </summary>
public static class RequestLists
{
    /// <summary>
    /// The items of <paramref name="list"/> that are there, with their index. A null list is reported
    /// under <paramref name="field"/>, a null item under <c>field[i]</c>; <paramref name="item"/> says
    /// what an item should be, e.g. <c>a disk object such as {"sizeBytes": 1073741824}</c>.
    /// </summary>
    public static IReadOnlyList<(int Index, T Item)> Present<T>(ProblemCollector problems, string field, IReadOnlyList<T?>? list, string item)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (list is null)
        {
            problems.Check(field, $"null is not a list; send a list ([] for none) or leave {field} out");
            return [];
        }

        var present = new List<(int, T)>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is { } value)
            {
                present.Add((i, value));
            }
            else
            {
                problems.Check($"{field}[{i}]", $"null is not allowed here; give {item}");
            }
        }

        return present;
    }
}
