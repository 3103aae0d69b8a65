namespace Fabric.Contracts.Configuration;

/// <summary>
/// Turns bare command-line flags such as <c>--in-memory</c> into configuration keys
/// (<c>--Fabric:InMemory=true</c>), since .NET's command-line configuration needs a value per key.
/// </summary>
public static class FlagArguments
{
    public static string[] Expand(string[] args, IReadOnlyDictionary<string, string> flags)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(flags);
        return [.. args.Select(a => flags.TryGetValue(a, out var key) ? $"--{key}=true" : a)];
    }
}
