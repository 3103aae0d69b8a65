namespace Fabric.Cli.Up;

/// <summary>The last lines of a child's log, shown when the child fails.</summary>
internal static class LogTail
{
    public static IReadOnlyList<string> Read(string path, int lines = 20)
    {
        try
        {
            // The child may still hold the file open for writing.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            var tail = new Queue<string>(lines);
            while (reader.ReadLine() is { } line)
            {
                if (tail.Count == lines)
                {
                    tail.Dequeue();
                }

                tail.Enqueue(line);
            }

            return [.. tail];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [$"(cannot read {path}: {e.Message})"];
        }
    }
}
