namespace Fabric.Hypervisor.Storage;

/// <summary>realpath(3) for paths whose tail may not exist yet (a disk about to be created).</summary>
internal static class RealPath
{
    private const int MaxLinks = 40;

    public static string Resolve(string fullPath)
    {
        var parts = new Queue<string>(fullPath.Split('/', StringSplitOptions.RemoveEmptyEntries));
        var current = "/";
        var links = 0;
        while (parts.TryDequeue(out var part))
        {
            var next = Path.Combine(current, part);
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    throw new HypervisorException(HypervisorErrorCode.PathNotAllowed, $"Path '{fullPath}' has a symlink loop.");
                }

                // Restart from the link target, then continue with the components not yet walked.
                var rest = parts.ToArray();
                var resolved = Path.GetFullPath(target, current);
                parts = new Queue<string>(resolved.Split('/', StringSplitOptions.RemoveEmptyEntries).Concat(rest));
                current = "/";
                continue;
            }

            current = next;
        }

        return current;
    }
}
